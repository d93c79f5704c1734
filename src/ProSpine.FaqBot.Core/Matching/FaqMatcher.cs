using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Chooses the FAQ entry that answers a question, or says none does.
/// <para>
/// Each term weighs by how rare it is among entries (a word in every entry, like "pump", says little). An entry is a
/// candidate only if it covers most of the question's weight (<see cref="MatchingOptions.MinCoverage"/>): a question
/// whose key words the entry lacks is not that entry, however similar it looks. Candidates are then ranked by
/// coverage and by weighted overlap with their closest phrasing, which favours the phrasing that says what the
/// question says and no more. Typos are corrected word by word by FuzzySharp in <see cref="TypoIndex"/>.
/// </para>
/// <para>
/// Only phrasings sharing a term with the question are scored (an inverted index), so the cost follows the number of
/// candidate phrasings, not the size of the FAQ.
/// </para>
/// </summary>
public sealed class FaqMatcher
{
    /// <summary>Terms listed in more phrasings than this only add to candidates found through rarer terms.</summary>
    private const int FrequentTermPostings = 512;

    private readonly MatchingOptions options;
    private readonly TermAnalyzer analyzer;
    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly Phrasing[] phrasings;
    private readonly Dictionary<string, int[]> postings;
    private readonly HashSet<string>[] entryPhrasingTerms;
    private readonly HashSet<string>[] entryAnswerTerms;
    private readonly Dictionary<string, double> weights;
    private readonly double unknownTermWeight;
    private readonly Dictionary<string, int> exactPhrasings = new(StringComparer.Ordinal);

    private sealed record Phrasing(int Entry, string Text, HashSet<string> Terms, double Weight);

    public FaqMatcher(IReadOnlyList<FaqEntry> entries, Vocabulary vocabulary, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = entries;
        this.options = options;
        var knownWords = entries.SelectMany(e => e.Phrasings.Concat(e.Answer)).SelectMany(TextNormalizer.Words);
        analyzer = new TermAnalyzer(vocabulary, knownWords);

        entryPhrasingTerms = new HashSet<string>[entries.Count];
        entryAnswerTerms = new HashSet<string>[entries.Count];
        var raw = new List<(int Entry, string Text, HashSet<string> Terms)>();
        for (var i = 0; i < entries.Count; i++)
        {
            entryPhrasingTerms[i] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in entries[i].Phrasings)
            {
                var words = TextNormalizer.Words(text);
                var terms = analyzer.Analyze(words).ToHashSet(StringComparer.Ordinal);
                if (terms.Count == 0)
                    continue;
                raw.Add((i, text, terms));
                exactPhrasings.TryAdd(string.Join(' ', words), i);
                entryPhrasingTerms[i].UnionWith(terms);
            }
            entryAnswerTerms[i] = entries[i].Answer.SelectMany(a => analyzer.Analyze(TextNormalizer.Words(a))).ToHashSet(StringComparer.Ordinal);
        }

        // Inverse document frequency over entries (phrasings and answer together), weak words scaled down.
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var term in entryPhrasingTerms[i].Union(entryAnswerTerms[i]))
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }
        weights = documentFrequency.ToDictionary(
            kv => kv.Key,
            kv => Math.Log(1 + (double)entries.Count / kv.Value) * (analyzer.WeakTerms.Contains(kv.Key) ? options.WeakWordWeight : 1.0),
            StringComparer.Ordinal);
        unknownTermWeight = Math.Log(1 + (double)entries.Count);

        phrasings = [.. raw.Select(p => new Phrasing(p.Entry, p.Text, p.Terms, p.Terms.Sum(Weight)))];
        postings = phrasings
            .SelectMany((p, index) => p.Terms.Select(t => (Term: t, Index: index)))
            .GroupBy(x => x.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Matches normalised words (see <see cref="TextNormalizer.Words"/>).</summary>
    public MatchResult Match(IReadOnlyList<string> words)
    {
        var terms = analyzer.Analyze(words).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
            return new MatchResult(MatchOutcome.NotCovered, [], terms);

        // A question worded exactly like a curated phrasing is that entry: curators fix a miss by adding the phrasing.
        if (exactPhrasings.TryGetValue(string.Join(' ', words), out var exact))
            return new MatchResult(MatchOutcome.Answer, [new MatchCandidate(entries[exact], 1, 1, 1, string.Join(' ', words))], terms);

        var questionWeight = terms.Sum(Weight);
        var overlap = CandidatePhrasings(terms);
        var best = new Dictionary<int, (double Similarity, string Phrasing)>();
        foreach (var (index, shared) in overlap)
        {
            var phrasing = phrasings[index];
            var similarity = 2 * shared / (questionWeight + phrasing.Weight);
            if (!best.TryGetValue(phrasing.Entry, out var current) || similarity > current.Similarity)
                best[phrasing.Entry] = (similarity, phrasing.Text);
        }

        var candidates = new List<MatchCandidate>();
        var uncovering = new List<MatchCandidate>();
        foreach (var (entry, (similarity, phrasing)) in best)
        {
            var coverage = Coverage(terms, entry, questionWeight);
            var score = options.CoverageWeight * coverage + (1 - options.CoverageWeight) * similarity;
            (coverage < options.MinCoverage ? uncovering : candidates).Add(new MatchCandidate(entries[entry], score, coverage, similarity, phrasing));
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (candidates.Count > 0)
            return Decide(candidates, terms);
        // Not covered. The closest entries still tell curators where the question came nearest (staff reports).
        uncovering.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new MatchResult(MatchOutcome.NotCovered, [.. uncovering.Take(options.MaxSuggestions)], terms);
    }

    private MatchResult Decide(List<MatchCandidate> candidates, List<string> terms)
    {
        var top = candidates.Take(Math.Max(options.MaxSuggestions, 3)).ToList();
        if (top.Count == 0 || top[0].Score < options.SuggestThreshold)
            return new MatchResult(MatchOutcome.NotCovered, top, terms);
        var lead = top.Count > 1 ? top[0].Score - top[1].Score : 1.0;
        if (top[0].Score >= options.AnswerThreshold && lead >= options.Margin)
            return new MatchResult(MatchOutcome.Answer, top, terms);
        var suggestions = top.Where(c => c.Score >= options.SuggestThreshold).Take(options.MaxSuggestions).ToList();
        return new MatchResult(MatchOutcome.DidYouMean, suggestions, terms);
    }

    /// <summary>Weighted shared terms per phrasing, for phrasings that share at least one term with the question.</summary>
    private Dictionary<int, double> CandidatePhrasings(List<string> terms)
    {
        var shared = new Dictionary<int, double>();
        var frequent = new List<string>();
        foreach (var term in terms)
        {
            if (!postings.TryGetValue(term, out var list))
                continue;
            if (list.Length > FrequentTermPostings)
            {
                frequent.Add(term);
                continue;
            }
            var weight = Weight(term);
            foreach (var index in list)
                shared[index] = shared.GetValueOrDefault(index) + weight;
        }
        if (frequent.Count == 0)
            return shared;
        if (shared.Count == 0)
        {
            // Only common terms: start from the rarest one's phrasings.
            var seed = frequent.MinBy(t => postings[t].Length)!;
            foreach (var index in postings[seed])
                shared[index] = 0;
        }
        foreach (var index in shared.Keys.ToList())
        {
            foreach (var term in frequent)
            {
                if (phrasings[index].Terms.Contains(term))
                    shared[index] += Weight(term);
            }
        }
        return shared;
    }

    private double Coverage(List<string> terms, int entry, double questionWeight)
    {
        var covered = 0.0;
        foreach (var term in terms)
        {
            if (entryPhrasingTerms[entry].Contains(term))
                covered += Weight(term);
            else if (entryAnswerTerms[entry].Contains(term))
                covered += Weight(term) * options.AnswerWordCredit;
        }
        return covered / questionWeight;
    }

    /// <summary>A term the FAQ never uses weighs most: a question about something else must not match.</summary>
    private double Weight(string term) =>
        weights.TryGetValue(term, out var weight) ? weight
        : analyzer.WeakTerms.Contains(term) ? unknownTermWeight * options.WeakWordWeight
        : unknownTermWeight;
}
