using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads the danger classifier's examples: <c>faq/danger.yaml</c>, written by curators, then
/// <c>faq/danger-written.yaml</c>, messages as people wrote them in sets written blind. One list per danger level in
/// each. Every problem names the file and line.
/// </summary>
internal static class DangerExemplarsReader
{
    public const string File = "danger.yaml";
    public const string WrittenFile = "danger-written.yaml";

    /// <summary>Fewer curated examples than this of one level cannot teach the classifier that level.</summary>
    private const int MinimumPerLevel = 5;

    private static readonly (string Key, DangerLevel Level)[] Levels =
    [
        ("crisis", DangerLevel.Crisis), ("emergency", DangerLevel.Emergency), ("urgent", DangerLevel.Urgent), ("calm", DangerLevel.Calm),
    ];

    public static DangerExemplars Read(FaqFolder folder, List<FaqProblem> problems)
    {
        // The same words twice would weigh twice; under two levels, they would teach the classifier both answers.
        var firstSeen = new Dictionary<string, (DangerLevel Level, string File, int Line)>(StringComparer.Ordinal);
        var curated = ReadFile(folder, File, curated: true, firstSeen, problems);
        var written = ReadFile(folder, WrittenFile, curated: false, firstSeen, problems);
        return new DangerExemplars(curated, written);
    }

    /// <param name="curated">Every level must be listed, with enough examples to learn it; the written messages
    /// only add to what the curated examples teach, so a level may be absent there.</param>
    private static List<DangerExemplar> ReadFile(FaqFolder folder, string name, bool curated,
        Dictionary<string, (DangerLevel Level, string File, int Line)> firstSeen, List<FaqProblem> problems)
    {
        var items = new List<DangerExemplar>();
        var file = YamlFile.Read(folder, name, problems);
        if (file.Root is not { } root)
            return items;
        file.RejectUnknownKeys(root, [.. Levels.Select(l => l.Key)]);

        foreach (var (key, level) in Levels)
        {
            var texts = file.Strings(root, key, required: curated);
            if (curated && texts.Count is > 0 and < MinimumPerLevel)
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
                if (firstSeen.TryGetValue(normalised, out var earlier))
                {
                    file.Problem(node, Repeat(text, level, earlier, file.DisplayPath));
                    continue;
                }
                firstSeen[normalised] = (level, file.DisplayPath, line);
                items.Add(new DangerExemplar(text, level, $"{file.DisplayPath}:{line}"));
            }
        }
        return items;
    }

    private static string Repeat(string text, DangerLevel level, (DangerLevel Level, string File, int Line) earlier, string displayPath)
    {
        // Within one file the line is enough; across files, the other file's name and line.
        var where = earlier.File == displayPath ? $"line {earlier.Line}" : $"{earlier.File}:{earlier.Line}";
        return earlier.Level == level
            ? $"example '{text}' repeats {where}"
            : $"example '{text}' is also under '{earlier.Level.ToString().ToLowerInvariant()}' ({where})";
    }
}
