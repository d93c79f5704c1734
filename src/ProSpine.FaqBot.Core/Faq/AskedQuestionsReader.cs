using ProSpine.FaqBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/asked.yaml</c>: under each entry id, questions that entry answers; under <c>not-covered</c>, questions
/// the page does not answer. A question already curated elsewhere (an entry's phrasing, <c>not-covered.yaml</c>) or
/// twice here is a problem: it would weigh twice, or say both "answered" and "not answered". Every problem names the
/// file and line.
/// </summary>
internal static class AskedQuestionsReader
{
    public const string File = "asked.yaml";
    public const string NotCovered = "not-covered";

    public static AskedQuestions Read(FaqFolder folder, IReadOnlyList<FaqEntry> entries, UncoveredQuestions uncovered, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return AskedQuestions.None;

        // An entry file that failed to load still names its entry: one mistake gives one problem, not one per list.
        var ids = entries.Select(e => e.Id)
            .Concat((folder.FileNames(EntriesReader.Folder) ?? []).Select(Path.GetFileNameWithoutExtension).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var curated = entries
            .SelectMany(e => e.Phrasings.Select(p => (Key: Key(p), Where: $"a phrasing of the entry '{e.Id}'")))
            .Concat(uncovered.Items.Select(q => (Key: Key(q.Text), Where: $"in not-covered.yaml ({q.Source})")))
            .DistinctBy(p => p.Key)
            .ToDictionary(p => p.Key, p => p.Where, StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<AskedQuestion>();
        foreach (var (keyNode, questions) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } label } || !(label == NotCovered || ids.Contains(label)))
            {
                file.Problem(keyNode, $"each list must be under an entry id or '{NotCovered}'");
                continue;
            }
            foreach (var (text, node) in file.Strings(questions, label))
            {
                var line = (int)node.Start.Line;
                var key = Key(text);
                if (key.Length == 0)
                    file.Problem(node, $"question '{text}' has no words");
                else if (curated.TryGetValue(key, out var where))
                    file.Problem(node, $"question '{text}' is already {where}");
                else if (firstSeen.TryGetValue(key, out var earlier))
                    file.Problem(node, $"question '{text}' repeats line {earlier}");
                else
                {
                    firstSeen[key] = line;
                    items.Add(new AskedQuestion(text, label == NotCovered ? null : label, $"{file.DisplayPath}:{line}"));
                }
            }
        }
        return new AskedQuestions(items);
    }

    /// <summary>Compared as entries' phrasings are compared with each other (<see cref="EntriesReader"/>).</summary>
    private static string Key(string text) => Text.TextNormalizer.Normalize(text);
}
