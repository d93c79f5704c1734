using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/danger.yaml</c>: one list of example messages per danger level. Every problem names the file and line.
/// </summary>
internal static class DangerExemplarsReader
{
    public const string File = "danger.yaml";

    /// <summary>Fewer examples than this of one level cannot teach the classifier that level.</summary>
    private const int MinimumPerLevel = 5;

    private static readonly (string Key, DangerLevel Level)[] Levels =
    [
        ("crisis", DangerLevel.Crisis), ("emergency", DangerLevel.Emergency), ("urgent", DangerLevel.Urgent), ("calm", DangerLevel.Calm),
    ];

    public static DangerExemplars Read(FaqFolder folder, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return DangerExemplars.None;
        file.RejectUnknownKeys(root, [.. Levels.Select(l => l.Key)]);

        var items = new List<DangerExemplar>();
        var firstSeen = new Dictionary<string, (DangerLevel Level, int Line)>(StringComparer.Ordinal);
        foreach (var (key, level) in Levels)
        {
            var texts = file.Strings(root, key, required: true);
            if (texts.Count is > 0 and < MinimumPerLevel)
                file.Problem(YamlFile.Child(root, key), $"'{key}' needs at least {MinimumPerLevel} examples to be learned");
            foreach (var (text, node) in texts)
            {
                var line = (int)node.Start.Line;
                var normalised = string.Join(' ', Text.TextNormalizer.Words(text));
                if (normalised.Length == 0)
                {
                    file.Problem(node, $"example '{text}' has no words");
                    continue;
                }
                // The same words under two levels would teach the classifier both answers at once.
                if (firstSeen.TryGetValue(normalised, out var earlier))
                {
                    file.Problem(node, earlier.Level == level
                        ? $"example '{text}' repeats line {earlier.Line}"
                        : $"example '{text}' is also under '{earlier.Level.ToString().ToLowerInvariant()}' (line {earlier.Line})");
                    continue;
                }
                firstSeen[normalised] = (level, line);
                items.Add(new DangerExemplar(text, level, $"{file.DisplayPath}:{line}"));
            }
        }
        return new DangerExemplars(items);
    }
}
