using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// The small words that change what a question asks while barely changing its words or its sentence vector: a
/// negation ("who should <i>not</i> get a pump") and the word that says what kind of answer is wanted ("<i>why</i> did
/// the name change", "<i>how common</i> is infection"). Coverage weighs them little and embeddings barely see them, so
/// an entry is only answered outright when it covers them: a negated question needs a negated phrasing, and an
/// answer-type word must appear in some phrasing of the entry. Immutable and thread-safe.
/// </summary>
public sealed class QualifierCheck
{
    /// <summary>Words that reverse a question (after <see cref="TextNormalizer"/>, "can't" is "can not").</summary>
    internal static readonly IReadOnlySet<string> Negations = new HashSet<string>(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "nor",
    };

    /// <summary>Words that name the kind of answer asked for: a reason, a person, a place, a time, a quantity, a rate.</summary>
    internal static readonly IReadOnlySet<string> AnswerKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "why", "who", "where", "when", "many", "much", "often", "common",
    };

    private readonly Dictionary<string, HashSet<string>> entryWords = new(StringComparer.Ordinal);

    public QualifierCheck(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
            entryWords[entry.Id] = entry.Phrasings.SelectMany(TextNormalizer.Words).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The qualifiers of <paramref name="words"/> (normalised) that <paramref name="candidate"/> does not cover: a
    /// negation that neither its closest phrasing nor its nearest in meaning has, and answer-kind words none of its
    /// phrasings use. Empty when the entry asks what the question asks.
    /// </summary>
    public IReadOnlyList<string> Uncovered(IReadOnlyList<string> words, MatchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(candidate);
        var known = entryWords.GetValueOrDefault(candidate.Entry.Id) ?? [];
        var uncovered = new List<string>();
        if (words.FirstOrDefault(Negations.Contains) is { } negation
            && !Negated(candidate.ClosestPhrasing) && !(candidate.MeaningPhrasing is { } nearest && Negated(nearest)))
            uncovered.Add(negation);
        uncovered.AddRange(words.Where(w => AnswerKinds.Contains(w) && !known.Contains(w)).Distinct(StringComparer.Ordinal));
        return uncovered;
    }

    private static bool Negated(string phrasing) => TextNormalizer.Words(phrasing).Any(Negations.Contains);
}
