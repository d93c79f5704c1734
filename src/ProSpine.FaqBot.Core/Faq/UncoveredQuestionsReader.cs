using ProSpine.FaqBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/not-covered.yaml</c>: topics, each a list of questions the page does not answer. A question that is
/// also an entry's phrasing would say both "answered" and "not answered", so it is a problem, as is a repeat. Every
/// problem names the file and line.
/// </summary>
internal static class UncoveredQuestionsReader
{
    public const string File = "not-covered.yaml";

    public static UncoveredQuestions Read(FaqFolder folder, IReadOnlyList<FaqEntry> entries, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return UncoveredQuestions.None;

        var phrasings = entries
            .SelectMany(e => e.Phrasings.Select(p => (Key: Key(p), e.Id)))
            .DistinctBy(p => p.Key)
            .ToDictionary(p => p.Key, p => p.Id, StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<UncoveredQuestion>();
        foreach (var (keyNode, questions) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } topic })
            {
                file.Problem(keyNode, "each topic must be a name followed by its list of questions");
                continue;
            }
            foreach (var (text, node) in file.Strings(questions, topic))
            {
                var line = (int)node.Start.Line;
                var key = Key(text);
                if (key.Length == 0)
                    file.Problem(node, $"question '{text}' has no words");
                else if (phrasings.TryGetValue(key, out var entry))
                    file.Problem(node, $"question '{text}' is a phrasing of the entry '{entry}', which answers it");
                else if (firstSeen.TryGetValue(key, out var earlier))
                    file.Problem(node, $"question '{text}' repeats line {earlier}");
                else
                {
                    firstSeen[key] = line;
                    items.Add(new UncoveredQuestion(text, topic, $"{file.DisplayPath}:{line}"));
                }
            }
        }
        return new UncoveredQuestions(items);
    }

    /// <summary>Compared as entries' phrasings are compared with each other (<see cref="EntriesReader"/>).</summary>
    private static string Key(string text) => Text.TextNormalizer.Normalize(text);
}
