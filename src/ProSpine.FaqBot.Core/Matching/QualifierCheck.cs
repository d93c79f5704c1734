using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// The small words that change what a question asks while barely changing its words or its sentence vector: a
/// negation ("who should <i>not</i> get a pump") and the word that says what kind of answer is wanted ("<i>why</i> did
/// the name change", "<i>how common</i> is infection"). Coverage weighs them little and embeddings barely see them, so
/// an entry is only answered outright when it covers them: what a question negates ("not recommended") must be
/// negated in some phrasing of the entry ("does not work" covers "doesn't work", not "not recommended"), an
/// answer-kind word must appear in some phrasing of the entry, and so must a condition the question names ("seizures",
/// "a stroke"). Immutable and thread-safe.
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

    /// <summary>Words skipped to find what a negation negates: "can not <i>be</i> used" negates "used".</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "be", "been", "being", "to", "a", "an", "the", "any", "really", "even", "always", "ever",
    };

    /// <summary>A negation of the speaker's own knowledge ("never heard of it", "not sure") says nothing about what is asked.</summary>
    private static readonly HashSet<string> Knowing = new(StringComparer.Ordinal)
    {
        "heard", "know", "knew", "sure", "understand", "certain",
    };

    /// <summary>
    /// Conditions that name what a question is about though the rest of its words fit another entry ("can the pump cause
    /// <i>seizures</i>" is not the side effects the page lists): the stems of one-word conditions, and "heart attack".
    /// Their names' safety rules give way to a calm reading (<c>askedInGeneral</c> in safety.yaml), so general questions
    /// about them reach matching, where a guess would be a confident wrong answer.
    /// </summary>
    private static readonly HashSet<string> ConditionStems = new(new[] { "seizure", "convulsion", "stroke", "epilepsy", "epileptic" }
        .Select(Stemmer.Stem), StringComparer.Ordinal);

    private static readonly string AttackStem = Stemmer.Stem("attack");

    private readonly Dictionary<string, HashSet<string>> entryWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> entryConditions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> entryNegated = new(StringComparer.Ordinal);

    public QualifierCheck(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            entryWords[entry.Id] = entry.Phrasings.SelectMany(TextNormalizer.Words).ToHashSet(StringComparer.Ordinal);
            entryNegated[entry.Id] = entry.Phrasings.SelectMany(p => NegatedWords(TextNormalizer.Words(p))).ToHashSet(StringComparer.Ordinal);
            entryConditions[entry.Id] = entry.Phrasings.SelectMany(p => Conditions(TextNormalizer.Words(p))).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The qualifiers <paramref name="words"/> (normalised) ask, read once per message: a message is weighed against
    /// several candidate entries (<see cref="Uncovered"/>), and its qualifiers are the same for each.
    /// </summary>
    public static AskedQualifiers Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new AskedQualifiers(Negated(words), [.. AskedKinds(words)], [.. Conditions(words)]);
    }

    /// <summary>
    /// The qualifiers <paramref name="asked"/> that <paramref name="candidate"/>'s entry does not cover ("not
    /// recommended", "why"). Empty when the entry asks what the question asks.
    /// </summary>
    public IReadOnlyList<string> Uncovered(AskedQualifiers asked, MatchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(candidate);
        var known = entryWords.GetValueOrDefault(candidate.Entry.Id) ?? [];
        var negated = entryNegated.GetValueOrDefault(candidate.Entry.Id) ?? [];
        var conditions = entryConditions.GetValueOrDefault(candidate.Entry.Id) ?? [];
        return [.. asked.Negated.Where(w => !negated.Contains(w)).Select(w => "not " + w)
            .Concat(asked.Kinds.Where(w => !known.Contains(w)))
            .Concat(asked.Conditions.Where(c => !conditions.Contains(c)))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The stems of the words <paramref name="words"/> (normalised) negate. A question the FAQ does not answer that
    /// negates what a message does not ("when is a pump <i>not</i> recommended") asks something else than the message.
    /// </summary>
    public static IReadOnlySet<string> Negated(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return NegatedWords(words).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The answer-kind words used as such: "why", "who", "where" or "when" opening the question ("so why…"), and "many",
    /// "much", "often" or "common" after "how". "Are you awake <i>when</i> it is implanted" asks no time, and "so
    /// <i>much</i> less medicine" no quantity.
    /// </summary>
    private static IEnumerable<string> AskedKinds(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (AnswerKinds.Contains(words[i]) && (i > 0 && words[i - 1] == "how" ? Quantities.Contains(words[i]) : i < 2 && !Quantities.Contains(words[i])))
                yield return words[i];
        }
    }

    /// <summary>The conditions <paramref name="words"/> (normalised) name: stems of <see cref="ConditionStems"/>, and "heart attack".</summary>
    private static IEnumerable<string> Conditions(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var stem = Stemmer.Stem(words[i]);
            if (ConditionStems.Contains(stem))
                yield return stem;
            else if (words[i] == "heart" && i + 1 < words.Count && Stemmer.Stem(words[i + 1]) == AttackStem)
                yield return "heart attack";
        }
    }

    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal) { "many", "much", "often", "common" };

    /// <summary>The stems of the words negated in <paramref name="words"/>: "doesn't work" gives "work".</summary>
    private static IEnumerable<string> NegatedWords(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!Negations.Contains(words[i]))
                continue;
            var next = i + 1;
            while (next < words.Count && Auxiliaries.Contains(words[next]))
                next++;
            if (next < words.Count && !Knowing.Contains(words[next]) && !Negations.Contains(words[next]))
                yield return Stemmer.Stem(words[next]);
        }
    }
}

/// <summary>What a question asks besides its topic (<see cref="QualifierCheck.Of"/>), in the order it asks them.</summary>
/// <param name="Negated">The stems of the words it negates (<see cref="QualifierCheck.Negated"/>).</param>
/// <param name="Kinds">The answer-kind words it asks ("why", "how many").</param>
/// <param name="Conditions">The conditions it names ("seizure", "heart attack").</param>
public sealed record AskedQualifiers(IReadOnlySet<string> Negated, IReadOnlyList<string> Kinds, IReadOnlyList<string> Conditions);
