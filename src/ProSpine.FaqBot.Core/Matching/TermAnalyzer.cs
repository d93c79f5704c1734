using System.Runtime.InteropServices;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Turns normalised words into matching terms: variant spellings unified, typos corrected against the FAQ's own
/// words, suffixes stripped, patients' phrases replaced by the FAQ's word (<c>vocabulary.yaml</c>), and words without
/// meaning dropped. Questions and FAQ phrasings go through the same steps.
/// </summary>
internal sealed class TermAnalyzer
{
    private readonly Vocabulary vocabulary;
    private readonly TypoIndex typos;
    private readonly HashSet<string> ignoredStems;
    private readonly HashSet<string> knownStems;
    private readonly Dictionary<string, List<(string[] Phrase, string Key)>> synonymsByFirstTerm = new(StringComparer.Ordinal);

    /// <param name="knownWords">Every word of the FAQ: the words a typo may be corrected to.</param>
    public TermAnalyzer(Vocabulary vocabulary, IEnumerable<string> knownWords)
    {
        this.vocabulary = vocabulary;
        var synonymWords = vocabulary.Synonyms.SelectMany(s => s.Value.Append(s.Key)).SelectMany(p => p.Split(' '));
        var known = knownWords.Concat(synonymWords).Concat(vocabulary.Ignore).Concat(vocabulary.Weak)
            .Select(w => vocabulary.Spellings.GetValueOrDefault(w, w)).ToList();
        typos = new TypoIndex(known, shortWords: true);
        knownStems = known.Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);
        ignoredStems = vocabulary.Ignore.Where(w => !vocabulary.Weak.Contains(w)).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);
        WeakTerms = vocabulary.Weak.Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);

        foreach (var (key, phrases) in vocabulary.Synonyms)
        {
            var keyTerm = Stemmer.Stem(key);
            foreach (var phrase in phrases)
            {
                var terms = phrase.Split(' ').Select(Stemmer.Stem).ToArray();
                if (!synonymsByFirstTerm.TryGetValue(terms[0], out var list))
                    synonymsByFirstTerm[terms[0]] = list = [];
                list.Add((terms, keyTerm));
            }
        }
        foreach (var list in synonymsByFirstTerm.Values)
            list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    public IReadOnlySet<string> WeakTerms { get; }

    /// <summary>The terms of <paramref name="words"/>, in order, with repeats.</summary>
    public List<string> Analyze(IReadOnlyList<string> words)
    {
        var stems = new List<string>(words.Count);
        foreach (var word in words)
        {
            var spelled = vocabulary.Spellings.GetValueOrDefault(word, word);
            // Another form of a known word ("putting" for "put") is not a typo of a different one ("cutting").
            var corrected = knownStems.Contains(Stemmer.Stem(spelled)) ? spelled : typos.Correct(spelled) ?? spelled;
            stems.Add(Stemmer.Stem(vocabulary.Spellings.GetValueOrDefault(corrected, corrected)));
        }

        var terms = new List<string>(stems.Count);
        for (var i = 0; i < stems.Count; i++)
        {
            var replaced = false;
            if (synonymsByFirstTerm.TryGetValue(stems[i], out var candidates))
            {
                foreach (var (phrase, key) in candidates)
                {
                    if (i + phrase.Length > stems.Count || !phrase.AsSpan().SequenceEqual(CollectionsMarshal.AsSpan(stems).Slice(i, phrase.Length)))
                        continue;
                    terms.Add(key);
                    i += phrase.Length - 1;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                terms.Add(stems[i]);
        }
        terms.RemoveAll(ignoredStems.Contains);
        return terms;
    }
}
