using ProSpine.FaqBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/small-talk.yaml</c>: under each kind of small talk that <c>safety.yaml</c> names (its reply is in
/// <c>messages.yaml</c>), messages of that kind. A message twice, or one that is also a question of the FAQ (a phrasing,
/// <c>not-covered.yaml</c>, <c>asked.yaml</c>), is a problem: it would weigh twice, or be both small talk and a
/// question. Every problem names the file and line.
/// </summary>
internal static class SmallTalkExamplesReader
{
    public const string File = "small-talk.yaml";

    public static SmallTalkExamples Read(FaqFolder folder, SafetyRules safety, IReadOnlyList<FaqEntry> entries,
        UncoveredQuestions uncovered, AskedQuestions asked, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return SmallTalkExamples.None;

        var questions = entries.SelectMany(e => e.Phrasings)
            .Concat(uncovered.Items.Select(q => q.Text))
            .Concat(asked.Items.Select(q => q.Text))
            .Select(Key)
            .ToHashSet(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<SmallTalkExample>();
        foreach (var (keyNode, messages) in root.Children)
        {
            // A broken safety.yaml names no kinds: its own problem is enough.
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } kind } || (safety.SmallTalk.Count > 0 && !safety.SmallTalk.ContainsKey(kind)))
            {
                file.Problem(keyNode, $"each list must be under a kind of small talk of safety.yaml ({string.Join(", ", safety.SmallTalk.Keys)})");
                continue;
            }
            foreach (var (text, node) in file.Strings(messages, kind))
            {
                var line = (int)node.Start.Line;
                var key = Key(text);
                if (key.Length == 0)
                    file.Problem(node, $"message '{text}' has no words");
                else if (questions.Contains(key))
                    file.Problem(node, $"message '{text}' is already a question of the FAQ");
                else if (firstSeen.TryGetValue(key, out var earlier))
                    file.Problem(node, $"message '{text}' repeats line {earlier}");
                else
                {
                    firstSeen[key] = line;
                    items.Add(new SmallTalkExample(text, kind, $"{file.DisplayPath}:{line}"));
                }
            }
        }
        return new SmallTalkExamples(items);
    }

    /// <summary>Compared as the FAQ's questions are compared with each other (<see cref="AskedQuestionsReader"/>).</summary>
    private static string Key(string text) => Text.TextNormalizer.Normalize(text);
}
