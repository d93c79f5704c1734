using System.Text.RegularExpressions;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// What the danger classifier read in a message: the highest probability of each level over the whole message and
/// the clauses that count (<see cref="DangerOptions.ClauseProbability"/>; urgent over every clause), and of crisis
/// and emergency together (<paramref name="Danger"/>), for danger of an unclear kind.
/// </summary>
/// <param name="WholeDanger">Crisis and emergency together on the whole message alone, without its clauses.</param>
/// <param name="Words">How likely the whole message's words are danger's (<see cref="DangerWords"/>).</param>
/// <param name="Strongest">Crisis and emergency together on the piece that reads most like danger, whether or not a
/// clause reaches <see cref="DangerOptions.ClauseProbability"/>: for curators choosing thresholds.</param>
/// <param name="CrisisInAnyPiece">Crisis on any piece, whether or not a clause reaches
/// <see cref="DangerOptions.ClauseProbability"/>: too weak to raise an alarm alone, but enough to keep a crisis from
/// being ruled out once another piece raised one.</param>
public sealed record DangerScores(float Crisis, float Emergency, float Urgent, float Danger, float WholeDanger, float Words, float Strongest,
    float CrisisInAnyPiece)
{
    public static readonly DangerScores None = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>The danger a message shows, from the phrase rules and the classifier together.</summary>
/// <param name="Level">Crisis, Emergency or Urgent.</param>
/// <param name="Unsure">Crisis or emergency, but not clearly which: the reply names 911 and 988 first.</param>
/// <param name="Rule">The phrase rule whose reply is given, when the rule decided.</param>
/// <param name="Reason">For logs and curators: "rule", "meaning: crisis"...</param>
public sealed record DangerVerdict(DangerLevel Level, bool Unsure, SafetyRule? Rule, string Reason)
{
    /// <summary>The whole message reads calm and one clause of it does not: the weakest reading of danger.</summary>
    public bool InOneClause { get; init; }

    /// <summary>Some piece of the message reads as danger so clearly that no FAQ question of it overrules the reply.</summary>
    public bool Firm { get; init; }
}

/// <summary>For curators: how one piece of a message (the whole, or a clause) scored, and its nearest examples.</summary>
public sealed record DangerExplanation(string Piece, float[] Probabilities, IReadOnlyList<(DangerExemplar Exemplar, float Similarity)> Nearest);

/// <summary>
/// Reads a message for danger by meaning, beside the phrase rules of <c>safety.yaml</c>: a classifier trained at load
/// on the examples of <c>danger.yaml</c> and <c>danger-written.yaml</c> (and every FAQ phrasing, as calm) scores the
/// whole message and each of its clauses, so danger told in the middle of a long story is found. Immutable and
/// thread-safe.
/// </summary>
public sealed partial class DangerReader
{
    private readonly ISentenceEncoder encoder;
    private readonly DangerOptions options;
    private readonly DangerClassifier classifier;
    private readonly DangerWords words;
    private readonly IReadOnlyList<DangerExemplar> exemplars;
    private readonly float[][] exemplarVectors;
    private readonly SetAsidePhrases setAside;
    private readonly IReadOnlyDictionary<string, string> spellings;

    /// <param name="calmPhrasings">Ordinary messages learned as calm besides the examples' own calm ones.</param>
    /// <param name="setAside">Phrases removed from each piece of a message before it is read.</param>
    /// <param name="spellings">Variant spellings and chat shorthand ("u", "od", "b4") to the words the model knows.</param>
    public DangerReader(DangerExemplars exemplars, IEnumerable<string> calmPhrasings, SetAsidePhrases setAside,
        CuratedEmbeddings embeddings, DangerOptions options, IReadOnlyDictionary<string, string>? spellings = null)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        ArgumentNullException.ThrowIfNull(calmPhrasings);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(setAside);
        ArgumentNullException.ThrowIfNull(options);
        Embeddings = embeddings;
        encoder = embeddings.Encoder;
        this.setAside = setAside;
        this.spellings = spellings ?? new Dictionary<string, string>();
        this.options = options;
        this.exemplars = exemplars.Items;
        // Examples are read exactly as messages are: normalised words (the model is uncased and ignores accents),
        // without the set-aside phrases. "I'd kill for a coffee" is then learned as the "i would a coffee" a message
        // like it becomes, not as words no message will ever show the model.
        var phrasings = calmPhrasings.Select(ReadableText).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var readable = exemplars.Items.Select(e => ReadableText(e.Text)).ToList();
        var vectors = embeddings.Encode([.. readable.Select((text, i) => text.Length > 0 ? text : TextNormalizer.Normalize(exemplars.Items[i].Text)), .. phrasings]);
        exemplarVectors = vectors[..exemplars.Items.Count];
        // The regression learns the curated examples, the phrasings and the calm messages people wrote; the crises and
        // emergencies people wrote are only neighbours. Thousands of English danger messages, learned by the
        // regression, moved its boundary for Spanish (which it reads poorly and knows from curated examples alone) and
        // for ordinary questions about a relative; the calm ones teach it what off-topic questions and small talk
        // look like ("are you hiring nurses?", "that's all, bye"), which the FAQ's phrasings cannot.
        var curated = exemplars.Curated.Count;
        var written = exemplars.Written.Select((e, i) => (Vector: vectors[curated + i], e.Level)).ToList();
        var writtenCalm = written.Where(w => w.Level == DangerLevel.Calm).Select(w => w.Vector).ToList();
        var learned = vectors[..curated].Concat(vectors[exemplars.Items.Count..]).Concat(writtenCalm).ToList();
        var levels = exemplars.Curated.Select(e => e.Level).Concat(phrasings.Select(_ => DangerLevel.Calm))
            .Concat(writtenCalm.Select(_ => DangerLevel.Calm)).ToList();
        // Training takes seconds at every start; the weights are kept with the vectors, under a key naming exactly
        // what they were learned from, so a start with unchanged examples only reads them.
        var weights = embeddings.Derived(DangerClassifier.TrainingKey(learned, levels), () => DangerClassifier.LearnWeights(learned, levels));
        classifier = DangerClassifier.With(weights, learned, levels, neighboursOnly: [.. written.Where(w => w.Level != DangerLevel.Calm)]);
        // The words learn every example, curated or written, read as the sentence model reads it; their weights are kept
        // with the vectors too.
        List<(string, bool)> wordExamples = [.. exemplars.Items.Select((e, i) => (readable[i], e.Level is DangerLevel.Crisis or DangerLevel.Emergency))];
        words = DangerWords.With(wordExamples, embeddings.Derived(DangerWords.TrainingKey(wordExamples), () => DangerWords.LearnWeights(wordExamples)));
    }

    /// <summary>
    /// A reader trained on <paramref name="content"/>: the examples of <c>danger.yaml</c> and
    /// <c>danger-written.yaml</c>, and every FAQ phrasing and small-talk phrase of <c>safety.yaml</c> as calm examples,
    /// so it learns what ordinary messages look like.
    /// </summary>
    public static DangerReader For(FaqContent content, CuratedEmbeddings embeddings, DangerOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        var smallTalk = content.Safety.SmallTalk.Values.SelectMany(phrases => phrases).Select(p => p.Source);
        return new DangerReader(content.Danger, content.Entries.SelectMany(e => e.Phrasings).Concat(smallTalk),
            new SetAsidePhrases(content.Safety.SetAside), embeddings, options, content.Vocabulary.Spellings);
    }

    /// <summary>The curated texts' vectors this reader was trained with; FAQ matching encodes its phrasings there too.</summary>
    public CuratedEmbeddings Embeddings { get; }

    /// <summary>
    /// The danger scores of <paramref name="text"/> and the sentence vectors they were computed from (the whole
    /// message, then its clauses): the message's only encoding, which FAQ matching reuses.
    /// </summary>
    /// <remarks>
    /// A clause read alone says little, and its scores are noisy ("I'd kill for a coffee" leaves "i would a coffee"
    /// once the idiom is set aside): a clause raises crisis or emergency only when the two together reach
    /// <see cref="DangerOptions.ClauseProbability"/> on it. The whole message always counts.
    /// </remarks>
    public (DangerScores Scores, SentenceReading Reading) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = Pieces(text);
        if (pieces.Count == 0)
            return (DangerScores.None, SentenceReading.None);
        var vectors = encoder.Encode(pieces);
        return (Score(vectors, words.Probability(pieces[0])), new SentenceReading(pieces, vectors));
    }

    private DangerScores Score(float[][] vectors, float wordsDanger)
    {
        float crisis = 0, emergency = 0, urgent = 0, danger = 0, whole = 0, strongest = 0, crisisInAnyPiece = 0;
        // A whole message read calm by a calm example leaves its clauses: danger in one of them is then read as in one
        // clause of a calm message (the weakest reading, which a question the FAQ answers may overrule).
        var calmExample = CalmExampleRuleFor(wordsDanger);
        for (var i = 0; i < vectors.Length; i++)
        {
            var p = classifier.Probabilities(vectors[i], calmExample);
            urgent = Math.Max(urgent, p[(int)DangerLevel.Urgent]);
            crisisInAnyPiece = Math.Max(crisisInAnyPiece, p[(int)DangerLevel.Crisis]);
            var pieceDanger = p[(int)DangerLevel.Crisis] + p[(int)DangerLevel.Emergency];
            if (i == 0)
                whole = pieceDanger;
            strongest = Math.Max(strongest, pieceDanger);
            if (i > 0 && pieceDanger < options.ClauseProbability)
                continue;
            crisis = Math.Max(crisis, p[(int)DangerLevel.Crisis]);
            emergency = Math.Max(emergency, p[(int)DangerLevel.Emergency]);
            danger = Math.Max(danger, pieceDanger);
        }
        return new DangerScores(crisis, emergency, urgent, danger, whole, wordsDanger, strongest, crisisInAnyPiece);
    }

    /// <summary>
    /// Whether the message's words read as ordinary words, not danger's (<see cref="DangerOptions.WordsCalmBelow"/>):
    /// then a piece all but a calm example reads calm, and an unsure reading gives way to an answer the entries'
    /// regression and the entries' words agree on.
    /// </summary>
    public bool WordsReadCalm(DangerScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return WordsReadCalm(scores.Words);
    }

    private bool WordsReadCalm(float wordsDanger) => options.WordsCalmBelow is { } below && wordsDanger < below;

    // Only when the words agree: "I've been looking up exactly where the pump sits so I know where to cut it out
    // myself" is near the calm "where do they put the pump", and its words are a crisis's.
    private CalmExampleRule? CalmExampleRuleFor(float wordsDanger) =>
        options.CalmExampleSimilarity is { } similarity && WordsReadCalm(wordsDanger)
            ? new CalmExampleRule(similarity, options.CalmExampleLead)
            : null;

    /// <summary>
    /// Whether <paramref name="rule"/> gives way to the classifier: a crisis or emergency rule whose words people also
    /// use in general questions (<see cref="SafetyRule.AskedInGeneral"/>: "what happens in an overdose?", "is there
    /// an emergency line?"), when every piece of the message reads as clearly calm.
    /// </summary>
    public bool YieldsToCalm(SafetyRule rule, DangerScores scores)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(scores);
        return rule.AskedInGeneral && rule.Kind is RuleKind.Crisis or RuleKind.Emergency && scores.Danger < options.CalmProbability;
    }

    /// <summary>
    /// Whether a message that says it is asked for study (<paramref name="askedForStudy"/>, <see
    /// cref="SafetyRouter.AsksForStudy"/>) is read as asked in general: its words do not read as danger's (<see
    /// cref="DangerOptions.StudyWordsBelow"/>) and the meaning reads crisis and emergency together under <see
    /// cref="DangerOptions.ConfidentProbability"/> (a confident reading gets its reply). "Asking for a neuro
    /// class" says nothing of anyone's situation; "for my EMT class... actually my roommate is like that right now"
    /// does, in words danger uses. Then an emergency rule and a rule marked <c>askedInGeneral</c> give way (<see
    /// cref="YieldsToStudy"/>), and so does a reading by meaning; any other crisis rule stands ("the lethal dose of
    /// baclofen, for a pharmacology assignment").
    /// </summary>
    public bool GivesWayToStudy(bool askedForStudy, DangerScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return askedForStudy && options.StudyWordsBelow is { } below && scores.Words < below
            && scores.Danger < options.ConfidentProbability;
    }

    /// <summary>Whether <paramref name="rule"/> gives way to a question asked for study (see <see cref="GivesWayToStudy"/>).</summary>
    public static bool YieldsToStudy(SafetyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Kind == RuleKind.Emergency || rule.Kind == RuleKind.Crisis && rule.AskedInGeneral;
    }

    /// <summary>
    /// The danger, if any, from the phrase rule that applies (<paramref name="rule"/>, or null) and the
    /// classifier's <paramref name="scores"/>:
    /// <list type="bullet">
    /// <item>A crisis or emergency rule keeps precedence for what it names (the caller has already set aside the
    /// rules that <see cref="YieldsToCalm"/>). An emergency rule gives way to crisis when the classifier reads a
    /// crisis ("sleep and never wake up"), and to the reply naming both numbers when crisis is not ruled out.</item>
    /// <item>Otherwise the classifier raises danger on its own: a confident crisis or emergency gets its reply; crisis
    /// and emergency together above <see cref="DangerOptions.UnsureProbability"/> get 911 and 988 first; a likely
    /// urgent problem gets "call the clinic now", unless an urgent rule already says so.</item>
    /// <item>Below that, a reading by meaning that is not clearly calm gets 911 and 988 first too when the words are
    /// danger's beyond doubt (<see cref="DangerOptions.WordsDangerProbability"/>).</item>
    /// </list>
    /// </summary>
    public DangerVerdict? Decide(SafetyRule? rule, DangerScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return DecideLevel(rule, scores) is { } verdict
            ? verdict with { Firm = verdict.Firm || scores.Danger >= options.FirmProbability }
            : null;
    }

    private DangerVerdict? DecideLevel(SafetyRule? rule, DangerScores scores)
    {
        if (rule?.Kind is RuleKind.Crisis or RuleKind.Emergency)
        {
            if (rule.Kind == RuleKind.Emergency && scores.Crisis >= options.ConfidentProbability)
                return new DangerVerdict(DangerLevel.Crisis, false, null, $"{rule.Name}, and meaning: crisis");
            if (rule.Kind == RuleKind.Emergency && scores.Crisis >= options.MaybeCrisisProbability)
                return new DangerVerdict(DangerLevel.Emergency, true, null, $"{rule.Name}, and meaning: maybe crisis");
            return new DangerVerdict(rule.Kind == RuleKind.Crisis ? DangerLevel.Crisis : DangerLevel.Emergency, false, rule, rule.Name);
        }
        // A clause read alone is noisy ("like could I die from it", out of "is the surgery dangerous, like could I die
        // from it?"). When the whole message reads calm, a clause's danger does not choose between 911 and 988: it
        // gets the reply that names both, which a question the FAQ answers outright can still overrule.
        if (scores.WholeDanger < options.CalmProbability && scores.Danger >= options.UnsureProbability)
            return new DangerVerdict(DangerLevel.Emergency, true, null, "meaning: crisis or emergency, in one clause") { InOneClause = true };
        if (scores.Crisis >= options.ConfidentProbability && scores.Crisis >= scores.Emergency)
            return new DangerVerdict(DangerLevel.Crisis, false, null, "meaning: crisis");
        // An emergency read in one piece does not rule out the crisis another clause tells, though that clause reads
        // too weakly to count alone (under ClauseProbability). Naming 988 beside 911 must not make a confident
        // emergency one that a question of the message the FAQ answers can overrule: such a verdict is firm.
        if (scores.Emergency >= options.ConfidentProbability)
            return scores.CrisisInAnyPiece >= options.MaybeCrisisProbability
                ? new DangerVerdict(DangerLevel.Emergency, true, null, "meaning: emergency, maybe crisis") { Firm = scores.Crisis < options.CalmProbability }
                : new DangerVerdict(DangerLevel.Emergency, false, null, "meaning: emergency");
        if (scores.Danger >= options.UnsureProbability)
            return new DangerVerdict(DangerLevel.Emergency, true, null, "meaning: crisis or emergency");
        // Sentence vectors read a message by its topic, and a crisis told in ordinary words ("made a will", "deleted
        // my social media") can sit among ordinary topics; the words and word pairs of such messages are a crisis's.
        if (options.WordsDangerProbability is { } wordsDanger && scores.Danger >= options.WordsSupportedProbability && scores.Words >= wordsDanger)
            return new DangerVerdict(DangerLevel.Emergency, true, null, "meaning and words: crisis or emergency");
        if (rule?.Kind != RuleKind.Urgent && scores.Urgent >= options.UrgentProbability)
            return new DangerVerdict(DangerLevel.Urgent, false, null, "meaning: urgent");
        return null;
    }

    /// <summary>
    /// Each piece read (the whole message, then its clauses) with its probabilities and nearest examples. A piece read
    /// calm by a calm example (<see cref="DangerOptions.CalmExampleSimilarity"/>) shows calm 1.00; the nearest listed are
    /// those of the danger files, so an FAQ phrasing or small-talk phrase that made it calm is not among them.
    /// </summary>
    public IReadOnlyList<DangerExplanation> Explain(string text, int nearest = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = Pieces(text);
        if (pieces.Count == 0)
            return [];
        var vectors = encoder.Encode(pieces);
        var calmExample = CalmExampleRuleFor(words.Probability(pieces[0]));
        return [.. pieces.Select((piece, i) => new DangerExplanation(piece, classifier.Probabilities(vectors[i], calmExample),
            [.. exemplars.Select((e, j) => (e, SentenceVectors.Dot(exemplarVectors[j], vectors[i])))
                .OrderByDescending(n => n.Item2).Take(nearest)]))];
    }

    /// <summary>
    /// The whole message, then its clauses when it has several and at least ten words: sentences, and the parts around
    /// ";", ", but" and similar joints where a story turns. The model reads about 250 word pieces at most, so a long story is read
    /// clause by clause as well. Clauses of fewer than three words say too little to be read alone.
    /// </summary>
    /// <remarks>
    /// Each piece is returned as normalised words without the set-aside phrases: what the model reads. E-mail addresses
    /// and phone numbers are left out first: they say nothing about danger, and the model reads their pieces as words
    /// it does not know, which drift toward danger ("can a zebrafish sense the pump? 414-555-0199" read 0.25 with the
    /// number, 0.18 without).
    /// </remarks>
    internal IReadOnlyList<string> Pieces(string text)
    {
        text = ContactDetails.Without(text);
        var whole = Readable(text);
        if (whole.Count == 0)
            return [];
        if (whole.Count < MinWordsForClauses)
            return [string.Join(' ', whole)];
        var clauses = ClauseBreak().Split(text)
            .Select(ReadableClause)
            .Where(words => words.Count >= 3)
            .Take(options.MaxClauses)
            .Select(words => string.Join(' ', words))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var wholeText = string.Join(' ', whole);
        return clauses.Count <= 1 ? [wholeText] : [wholeText, .. clauses.Where(c => c != wholeText)];
    }

    /// <summary>
    /// A message shorter than this is read whole only: its clauses would say little the whole does not, and each
    /// costs an encoding (on the tuning sets, splitting from 10 words on changed no route).
    /// </summary>
    private const int MinWordsForClauses = 10;

    // The model's vocabulary lacks chat shorthand: "can u od on it" reads as calm until it says "can you overdose on it".
    private IReadOnlyList<string> Readable(string text) => setAside.From(SpelledOut(text));

    private List<string> SpelledOut(string text) => [.. TextNormalizer.Words(text).Select(w => spellings.GetValueOrDefault(w, w))];

    /// <summary>
    /// A clause as the model reads it, or nothing when it held a set-aside phrase: that clause is the figure of speech
    /// or the negation itself ("I'd die for a day without pain"), and what is left once the phrase is cut out ("i a
    /// day without pain") reads as noise alone. It is still read within the whole message.
    /// </summary>
    private IReadOnlyList<string> ReadableClause(string clause)
    {
        var words = SpelledOut(clause);
        var kept = setAside.From(words);
        return kept.Count < words.Count ? [] : kept;
    }

    private string ReadableText(string text) => string.Join(' ', Readable(text));

    [GeneratedRegex(@"(?<=[.?!])\s+|[\r\n]+|;|,\s*(?=(?:but|and|so|then|now|because|cause|cuz|though|although)\b)|\s+(?=(?:but|because|bc|cuz)\b)|\s-+\s|,", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
