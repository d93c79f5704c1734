using System.Buffers;
using FuzzySharp;

namespace ProSpine.FaqBot.Core.Text;

/// <summary>
/// Finds the known word a misspelt word was meant to be ("anestesia" to "anesthesia") without comparing it to every
/// known word: candidates come from a table of the words with one or two letters deleted (the symmetric-delete idea),
/// and FuzzySharp's <see cref="Fuzz.Ratio(string, string)"/> confirms and ranks them.
/// </summary>
public sealed class TypoIndex
{
    private readonly Dictionary<string, List<string>> byDeletion = new(StringComparer.Ordinal);
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> frequency = new(StringComparer.Ordinal);
    private readonly int minLength;
    private readonly int minRatio;
    private readonly bool shortWords;

    /// <param name="words">The known words; repeats raise a word's rank among equally close candidates.</param>
    /// <param name="minLength">Shorter words are never corrected: too many short words are one letter apart.</param>
    /// <param name="minRatio">The FuzzySharp ratio (0-100) a correction needs.</param>
    /// <param name="shortWords">
    /// Also correct words shorter than <paramref name="minLength"/> (three letters or more), but only by the two slips
    /// that rarely make another real word: two neighbouring letters swapped after the first ("teh" to "the"), or a
    /// word without vowels missing one ("pmp" to "pump"). Off by default.
    /// </param>
    public TypoIndex(IEnumerable<string> words, int minLength = 4, int minRatio = 83, bool shortWords = false)
    {
        this.minLength = minLength;
        this.minRatio = minRatio;
        this.shortWords = shortWords;
        foreach (var word in words)
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
            if (!known.Add(word) || word.Length < minLength)
                continue;
            foreach (var variant in Deletions(word))
            {
                if (!byDeletion.TryGetValue(variant, out var list))
                    byDeletion[variant] = list = [];
                list.Add(word);
            }
        }
    }

    public bool Contains(string word) => known.Contains(word);

    /// <summary>The known word closest to <paramref name="word"/>, or null when none is close enough.</summary>
    public string? Correct(string word)
    {
        if (known.Contains(word))
            return word;
        if (word.Length < minLength)
            return shortWords ? CorrectShort(word) : null;
        string? best = null;
        var bestRatio = 0;
        foreach (var variant in Deletions(word))
        {
            if (!byDeletion.TryGetValue(variant, out var candidates))
                continue;
            foreach (var candidate in candidates)
            {
                if (DiffersOnlyByPrefix(word, candidate))
                    continue;
                // A swap of two neighbouring letters ("pian") is one slip of the fingers, though the ratio counts two
                // edits: rank it just below an exact match.
                var ratio = IsTransposition(word, candidate) ? 99 : Fuzz.Ratio(word, candidate);
                if (ratio > bestRatio || (ratio == bestRatio && best is not null && frequency[candidate] > frequency[best]))
                {
                    best = candidate;
                    bestRatio = ratio;
                }
            }
        }
        // Short words need a closer match: one changed letter in five is already another word.
        var needed = word.Length switch
        {
            <= 5 => Math.Max(minRatio, 88),
            <= 7 => minRatio,
            _ => Math.Max(minRatio, 85),
        };
        return bestRatio >= needed ? best : null;
    }

    private const string Vowels = "aeiou";
    private static readonly SearchValues<char> VowelsOrY = SearchValues.Create("aeiouy");

    /// <summary>
    /// Short words are one letter from many others, so only two slips are undone. The first letter is kept: people
    /// rarely mistype it, and swapping it turns real words into others ("won" to "own", "pot" to "opt"). Vowels are
    /// added only to a word with none (not even "y"), which no English word of three letters or more lacks
    /// ("pmp", "wht"), so no real word is changed. Among candidates, the FAQ's most frequent word wins.
    /// </summary>
    private string? CorrectShort(string word)
    {
        if (word.Length < 3)
            return null;
        var candidates = new List<string>();
        var letters = word.ToCharArray();
        for (var i = 1; i + 1 < letters.Length; i++)
        {
            if (letters[i] == letters[i + 1])
                continue;
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            var swapped = new string(letters);
            if (known.Contains(swapped))
                candidates.Add(swapped);
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
        }
        if (word.AsSpan().IndexOfAny(VowelsOrY) < 0)
        {
            for (var i = 0; i <= word.Length; i++)
            {
                foreach (var vowel in Vowels)
                {
                    var inserted = word.Insert(i, vowel.ToString());
                    if (known.Contains(inserted))
                        candidates.Add(inserted);
                }
            }
        }
        return candidates
            .OrderByDescending(c => frequency[c])
            .ThenBy(c => c, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>
    /// "conscious" and "unconscious", "responsive" and "unresponsive": one word is the other with two letters or more
    /// put before it. That is how words are made (often the opposite word), not how fingers slip, so it is never a correction.
    /// One letter may be a slip ("nock" for "knock").
    /// </summary>
    private static bool DiffersOnlyByPrefix(string word, string candidate) =>
        Math.Abs(word.Length - candidate.Length) >= 2
        && (candidate.EndsWith(word, StringComparison.Ordinal) || word.EndsWith(candidate, StringComparison.Ordinal));

    private static bool IsTransposition(string a, string b)
    {
        if (a.Length != b.Length)
            return false;
        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
                continue;
            if (first >= 0)
                return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            first = i;
        }
        return false;
    }

    /// <summary>The word itself, and it with one letter deleted; long words also with two.</summary>
    private static HashSet<string> Deletions(string word)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        for (var i = 0; i < word.Length; i++)
        {
            var once = word.Remove(i, 1);
            result.Add(once);
            if (word.Length < 8)
                continue;
            for (var j = i; j < once.Length; j++)
                result.Add(once.Remove(j, 1));
        }
        return result;
    }
}
