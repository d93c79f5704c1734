namespace ProSpine.FaqBot.Core.Text;

/// <summary>The features the word regressions read (<c>DangerWords</c>, <c>EntryWords</c>): which words a text holds, and
/// which pairs of neighbouring words.</summary>
public static class WordsAndPairs
{
    /// <summary>
    /// The distinct words of <paramref name="words"/> and its pairs of neighbouring words, in order of appearance: sums
    /// over them are then made in the same order every time, in every process.
    /// </summary>
    public static List<string> Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var features = new List<string>(2 * words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (seen.Add(words[i]))
                features.Add(words[i]);
            if (i > 0 && $"{words[i - 1]} {words[i]}" is var pair && seen.Add(pair))
                features.Add(pair);
        }
        return features;
    }
}
