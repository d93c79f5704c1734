using ProSpine.FaqBot.Core.Content;
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
/// Only entries that can reach <see cref="MatchingOptions.MinCoverage"/> are scored: they are found through an
/// inverted index from the question's rarest terms, so the cost follows the number of entries using those terms, not
/// the size of the FAQ. The result is exactly that of scoring every entry.
/// </para>
/// </summary>
public sealed class FaqMatcher
{
    /// <summary>Beyond the uncovered share, the weight a pre-selection must hold: it absorbs rounding in sums.</summary>
    private const double PreselectionMargin = 1e-9;

    private readonly MatchingOptions options;
    private readonly TermAnalyzer analyzer;
    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly Phrasing[] phrasings;
    /// <summary>Entry i's phrasings are <c>phrasings[firstPhrasing[i]..firstPhrasing[i + 1]]</c>.</summary>
    private readonly int[] firstPhrasing;
    /// <summary>Term to the entries using it in a phrasing or the answer, in entry order.</summary>
    private readonly Dictionary<string, int[]> postings;
    private readonly HashSet<string>[] entryPhrasingTerms;
    private readonly HashSet<string>[] entryAnswerTerms;
    private readonly Dictionary<string, double> weights;
    private readonly double unknownTermWeight;
    private readonly Dictionary<string, int> exactPhrasings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> entryIndex = new(StringComparer.Ordinal);

    private sealed record Phrasing(string Text, HashSet<string> Terms, double Weight);

    public FaqMatcher(IReadOnlyList<FaqEntry> entries, Vocabulary vocabulary, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = entries;
        this.options = options;
        var knownWords = entries.SelectMany(e => e.Phrasings.Concat(e.Answer)).SelectMany(TextNormalizer.Words);
        analyzer = new TermAnalyzer(vocabulary, knownWords);

        entryPhrasingTerms = new HashSet<string>[entries.Count];
        entryAnswerTerms = new HashSet<string>[entries.Count];
        firstPhrasing = new int[entries.Count + 1];
        var raw = new List<(string Text, HashSet<string> Terms)>();
        for (var i = 0; i < entries.Count; i++)
        {
            entryIndex.TryAdd(entries[i].Id, i);
            firstPhrasing[i] = raw.Count;
            entryPhrasingTerms[i] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in entries[i].Phrasings)
            {
                var words = TextNormalizer.Words(text);
                var terms = analyzer.Analyze(words).ToHashSet(StringComparer.Ordinal);
                if (terms.Count == 0)
                    continue;
                raw.Add((text, terms));
                exactPhrasings.TryAdd(string.Join(' ', words), i);
                entryPhrasingTerms[i].UnionWith(terms);
            }
            entryAnswerTerms[i] = entries[i].Answer.SelectMany(a => analyzer.Analyze(TextNormalizer.Words(a))).ToHashSet(StringComparer.Ordinal);
        }
        firstPhrasing[entries.Count] = raw.Count;

        var entriesByTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var term in entryPhrasingTerms[i].Union(entryAnswerTerms[i]))
            {
                if (!entriesByTerm.TryGetValue(term, out var list))
                    entriesByTerm[term] = list = [];
                list.Add(i);
            }
        }
        postings = entriesByTerm.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        // Inverse document frequency over entries (phrasings and answer together), weak words scaled down.
        weights = postings.ToDictionary(
            kv => kv.Key,
            kv => Math.Log(1 + (double)entries.Count / kv.Value.Length) * (analyzer.WeakTerms.Contains(kv.Key) ? options.WeakWordWeight : 1.0),
            StringComparer.Ordinal);
        unknownTermWeight = Math.Log(1 + (double)entries.Count);

        phrasings = [.. raw.Select(p => new Phrasing(p.Text, p.Terms, p.Terms.Sum(Weight)))];
    }

    /// <summary>Matches normalised words (see <see cref="TextNormalizer.Words"/>).</summary>
    public MatchResult Match(IReadOnlyList<string> words) => Match(words, exhaustive: false);

    /// <summary>
    /// <see cref="Match(IReadOnlyList{string})"/> scoring every entry, without pre-selection: the reference that
    /// pre-selection must agree with (tests).
    /// </summary>
    internal MatchResult MatchExhaustively(IReadOnlyList<string> words) => Match(words, exhaustive: true);

    private MatchResult Match(IReadOnlyList<string> words, bool exhaustive)
    {
        var terms = analyzer.Analyze(words).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
            return new MatchResult(MatchOutcome.NotCovered, [], terms);

        // A question worded exactly like a curated phrasing is that entry: curators fix a miss by adding the phrasing.
        if (exactPhrasings.TryGetValue(string.Join(' ', words), out var exact))
            return new MatchResult(MatchOutcome.Answer, [new MatchCandidate(entries[exact], 1, 1, 1, string.Join(' ', words))], terms) { Exact = true };

        var questionWeight = terms.Sum(Weight);
        var candidates = new List<MatchCandidate>();
        foreach (var entry in exhaustive ? Enumerable.Range(0, entries.Count) : CandidateEntries(terms, questionWeight))
        {
            if (Candidate(terms, entry, questionWeight, options.MinCoverage) is { } candidate)
                candidates.Add(candidate);
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (candidates.Count > 0)
            return Decide(candidates, terms);
        // Not covered. The closest entries still tell curators where the question came nearest (staff reports).
        return new MatchResult(MatchOutcome.NotCovered, NearestEntries(terms, questionWeight), terms);
    }

    /// <summary>
    /// How well the words of a matched question (<paramref name="result"/>'s terms) support <paramref name="entry"/>,
    /// whatever its coverage: the lexical evidence for an entry the meaning points to. Null for an entry of another FAQ
    /// or a question without terms.
    /// </summary>
    public MatchCandidate? Evidence(MatchResult result, FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entry);
        if (result.Terms.Count == 0 || !entryIndex.TryGetValue(entry.Id, out var index))
            return null;
        var terms = result.Terms.ToList();
        return Candidate(terms, index, terms.Sum(Weight), minCoverage: 0);
    }

    /// <summary>The terms of <paramref name="text"/> as the matcher reads a question: normalised, corrected, mapped.</summary>
    public IReadOnlyList<string> Terms(string text) => analyzer.Analyze(TextNormalizer.Words(text));

    /// <summary>
    /// The terms of <paramref name="result"/> that no entry uses at all (not even in an answer), filler words aside:
    /// a question about something the FAQ never mentions ("fax", "residency").
    /// </summary>
    public IReadOnlyList<string> UnknownTerms(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Terms.Where(t => !postings.ContainsKey(t) && !analyzer.WeakTerms.Contains(t))];
    }

    /// <summary>
    /// For a question no entry covers: the entries that come nearest, among those using its rarest terms (a bounded
    /// number, so an off-topic question costs little however large the FAQ).
    /// </summary>
    private List<MatchCandidate> NearestEntries(List<string> terms, double questionWeight)
    {
        const int MaxScored = 64;
        var selected = new HashSet<int>();
        foreach (var term in terms.Where(postings.ContainsKey).OrderBy(t => postings[t].Length))
        {
            if (selected.Count > 0 && selected.Count + postings[term].Length > MaxScored)
                break;
            selected.UnionWith(postings[term].Take(MaxScored));
        }
        var nearest = selected.Select(entry => Candidate(terms, entry, questionWeight, minCoverage: 0)).OfType<MatchCandidate>().ToList();
        nearest.Sort((a, b) => b.Score.CompareTo(a.Score));
        return [.. nearest.Take(options.MaxSuggestions)];
    }

    /// <summary>The entry scored for the question, or null when it covers less than <paramref name="minCoverage"/>.</summary>
    private MatchCandidate? Candidate(List<string> terms, int entry, double questionWeight, double minCoverage)
    {
        var coverage = Coverage(terms, entry, questionWeight);
        if (coverage < minCoverage || ClosestPhrasing(terms, entry, questionWeight) is not { } closest)
            return null;
        var score = options.CoverageWeight * coverage + (1 - options.CoverageWeight) * closest.Similarity;
        return new MatchCandidate(entries[entry], score, coverage, closest.Similarity, closest.Phrasing);
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

    /// <summary>
    /// Every entry that may cover <see cref="MatchingOptions.MinCoverage"/> of the question, in entry order. An entry
    /// using none of a set of the question's terms covers at most the weight outside the set; once the set holds more
    /// than the share a candidate may leave uncovered, every candidate uses one of its terms. The set is filled with
    /// the terms used by the fewest entries first: a term the FAQ never uses costs nothing and often settles it alone.
    /// </summary>
    private IEnumerable<int> CandidateEntries(List<string> terms, double questionWeight)
    {
        var needed = (1 - options.MinCoverage + PreselectionMargin) * questionWeight;
        var selected = new HashSet<int>();
        var held = 0.0;
        foreach (var term in terms.OrderBy(t => postings.GetValueOrDefault(t)?.Length ?? 0))
        {
            selected.UnionWith(postings.GetValueOrDefault(term) ?? []);
            held += Weight(term);
            if (held > needed)
                return selected.Order();
        }
        // A coverage threshold of (almost) zero: any entry may do.
        return Enumerable.Range(0, entries.Count);
    }

    /// <summary>The entry's phrasing with the most weighted overlap with the question (the first of equals).</summary>
    private (double Similarity, string Phrasing)? ClosestPhrasing(List<string> terms, int entry, double questionWeight)
    {
        (double Similarity, string Phrasing)? closest = null;
        for (var index = firstPhrasing[entry]; index < firstPhrasing[entry + 1]; index++)
        {
            var phrasing = phrasings[index];
            var shared = 0.0;
            foreach (var term in terms)
            {
                if (phrasing.Terms.Contains(term))
                    shared += Weight(term);
            }
            var similarity = 2 * shared / (questionWeight + phrasing.Weight);
            if (closest is null || similarity > closest.Value.Similarity)
                closest = (similarity, phrasing.Text);
        }
        return closest;
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
        : analyzer.WeakTerms.Contains(term) ? CommonTermWeight * options.WeakWordWeight
        : unknownTermWeight;

    /// <summary>The weight of a term found in every entry: a filler word weighs no more than that, known or not.</summary>
    private static readonly double CommonTermWeight = Math.Log(2);
}
