using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Finds where the phrases of <c>faq/safety.yaml</c> occur in a message's words in one pass: phrases are indexed by
/// their first word, a last word ending in <c>*</c> matches as a prefix, and a long word may carry one typo.
/// </summary>
internal sealed class PhraseFinder
{
    private readonly Dictionary<string, List<SafetyPhrase>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<SafetyPhrase> singlePrefixes = [];
    private readonly TypoIndex typos;

    public PhraseFinder(IEnumerable<SafetyPhrase> phrases)
    {
        var all = phrases.ToList();
        foreach (var phrase in all)
        {
            if (phrase.Words.Count == 1 && phrase.LastWordIsPrefix)
            {
                singlePrefixes.Add(phrase);
                continue;
            }
            if (!byFirstWord.TryGetValue(phrase.Words[0], out var list))
                byFirstWord[phrase.Words[0]] = list = [];
            list.Add(phrase);
        }
        // Only whole words of six letters or more are typo-tolerant: shorter ones are too often another real word.
        var exactWords = all.SelectMany(p => p.LastWordIsPrefix ? p.Words.Take(p.Words.Count - 1) : p.Words);
        typos = new TypoIndex(exactWords, minLength: 6, minRatio: 85);
    }

    /// <summary>Each occurrence of a phrase: the phrase and the index of its first word.</summary>
    public List<(SafetyPhrase Phrase, int Start, int Length)> Occurrences(IReadOnlyList<string> words)
    {
        var canonical = words.Select(w => typos.Correct(w) ?? w).ToArray();
        var found = new List<(SafetyPhrase, int, int)>();
        for (var i = 0; i < canonical.Length; i++)
        {
            foreach (var prefix in singlePrefixes)
            {
                if (words[i].StartsWith(prefix.Words[0], StringComparison.Ordinal))
                    found.Add((prefix, i, 1));
            }
            if (!byFirstWord.TryGetValue(canonical[i], out var candidates))
                continue;
            foreach (var phrase in candidates)
            {
                if (MatchesAt(phrase, words, canonical, i))
                    found.Add((phrase, i, phrase.Words.Count));
            }
        }
        return found;
    }

    private static bool MatchesAt(SafetyPhrase phrase, IReadOnlyList<string> words, string[] canonical, int start)
    {
        if (start + phrase.Words.Count > words.Count)
            return false;
        for (var k = 1; k < phrase.Words.Count; k++)
        {
            var expected = phrase.Words[k];
            var isPrefix = phrase.LastWordIsPrefix && k == phrase.Words.Count - 1;
            var ok = isPrefix
                ? words[start + k].StartsWith(expected, StringComparison.Ordinal)
                : canonical[start + k] == expected;
            if (!ok)
                return false;
        }
        return true;
    }
}
