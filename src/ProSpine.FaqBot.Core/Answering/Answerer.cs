using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Answering;

/// <summary>
/// Answers one message from one validated FAQ: safety routes first (crisis, emergency, urgent, hand-off), then
/// language, small talk, and only then FAQ matching. Built once per FAQ version; immutable and thread-safe.
/// </summary>
public sealed partial class Answerer
{
    private readonly AnsweringOptions options;
    private readonly CuratedTexts messages;
    private readonly string noneOfThese;
    private readonly double wordsOverrule;

    /// <param name="danger">The danger classifier, usually trained on this content (<see cref="DangerReader.For"/>).</param>
    public Answerer(FaqContent content, MatchingOptions matching, AnsweringOptions options, DangerReader danger)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        this.options = options;
        messages = content.Texts;
        Router = new SafetyRouter(content.Safety, content.Vocabulary);
        Matcher = new FaqMatcher(content.Entries, content.Vocabulary, matching);
        wordsOverrule = matching.WordsOverrule;
        Danger = danger ?? throw new ArgumentNullException(nameof(danger));
        // The phrasings are encoded once, here, through the same cache as the danger reader's calm examples.
        Meaning = new SemanticIndex(content.Entries, content.Uncovered, content.Asked, danger.Embeddings);
        Hybrid = new HybridMatcher(Matcher, Meaning, new QualifierCheck(content.Entries), content.Asked, matching, danger.Embeddings.Derived);
        SmallTalk = new SmallTalkByMeaning(content.SmallTalk, danger.Embeddings, matching);
        noneOfThese = TextNormalizer.Normalize(messages.Get(TextKeys.NoneOfThese));
    }

    public FaqContent Content { get; }

    public SafetyRouter Router { get; }

    public FaqMatcher Matcher { get; }

    /// <summary>The entries' phrasings by meaning, as the matcher compares them.</summary>
    public SemanticIndex Meaning { get; }

    /// <summary>The words and the meaning together: what answers a message.</summary>
    public HybridMatcher Hybrid { get; }

    public DangerReader Danger { get; }

    /// <summary>Small talk in words nobody listed, by its meaning.</summary>
    public SmallTalkByMeaning SmallTalk { get; }

    /// <summary>The number every hand-off gives.</summary>
    public string ClinicPhone => options.ClinicPhone;

    public Reply Answer(string? text)
    {
        if (text is not null && text.Length > options.MaxQuestionLength)
            return Say(Route.TooLong, TextKeys.TooLong);
        var words = TextNormalizer.Words(text);
        var language = text is null ? Language.English : Router.FindLanguage(text, words);
        if (words.Count == 0)
            return language == Language.Unreadable ? Say(Route.Handoff, TextKeys.OtherLanguage, call: true) : Say(Route.Empty, TextKeys.Empty);

        // The sentence model reads English, and Spanish less well; in another script its scores are noise.
        // Its vectors are the message's only encoding: matching reuses them. History told as over ("my dad overdosed
        // years ago and has been fine since") is background, not danger: neither the rules nor the model read it.
        var readForDanger = Router.WithoutLongOver(text!);
        var (danger, reading) = language == Language.Unreadable ? (DangerScores.None, SentenceReading.None) : Danger.Read(readForDanger);
        return ReplyAfterReading(text!, readForDanger, words, language, danger, reading) with { Danger = danger };
    }

    /// <summary>
    /// How each piece of <paramref name="text"/> read for danger scored, and its nearest examples: what
    /// <see cref="Answer"/> read, without the history told as over.
    /// </summary>
    public IReadOnlyList<DangerExplanation> ExplainDanger(string text, int nearest = 3) =>
        Danger.Explain(Router.WithoutLongOver(text), nearest);

    /// <summary>The reply once the message has been read for danger: danger first, then rules, language, small talk, the FAQ.</summary>
    private Reply ReplyAfterReading(string text, string readForDanger, IReadOnlyList<string> words, Language language, DangerScores danger, SentenceReading reading)
    {
        // A general question that names a danger ("what happens in an overdose?") is read like any other question, and
        // so is a student's ("could a pump cause a seizure? asking for a neuro class"), though its reply ends with 911
        // and 988.
        var forStudy = Danger.GivesWayToStudy(Router.AsksForStudy(readForDanger), danger);
        var rules = Router.FindRules(readForDanger).Where(r => !Danger.YieldsToCalm(r, danger)).ToList();
        var rule = rules.FirstOrDefault(r => !(forStudy && DangerReader.YieldsToStudy(r)));
        // The set-aside words ("just curious", "dying to know") say nothing about what is asked either. The FAQ match
        // is made at most once: an unsure reading may need it, and so does a message that reaches matching.
        var asked = Router.WithoutSetAside(words);
        MatchResult? match = null;
        var questions = new AskedQuestions(this, text, reading);
        MatchResult Match() => match ??= Hybrid.Match(asked, questions.Whole, WithoutToldNegations(text) ?? asked);

        var verdict = Danger.Decide(rule, danger);
        // A rule that stands keeps its reply, even for study; a reading by meaning gives way to a student's question.
        var gaveWayToStudy = forStudy && (verdict is { Rule: null } || verdict is null && rules.Any(DangerReader.YieldsToStudy));
        if (verdict is null && !gaveWayToStudy)
            return CalmReply(words, language, reading, rule, Match, questions);
        if (verdict is not null && !gaveWayToStudy && !AsksOnlyWhatTheFaqAnswers(verdict, rule, Match, questions, Danger.WordsReadCalm(danger)))
            return DangerReply(verdict, questions, words, language, reading);
        // Danger gave way to a general question: the reply still ends with where to turn.
        var reply = CalmReply(words, language, reading, rule, Match, questions);
        var safetyNet = messages.Get(TextKeys.SafetyNet, reply.Language);
        return reply.Text.Contains(safetyNet, StringComparison.Ordinal) ? reply : reply with { Text = $"{reply.Text}\n\n{safetyNet}" };
    }

    /// <summary>The reply when no danger decides: phrase rules, language, small talk, then the FAQ.</summary>
    private Reply CalmReply(IReadOnlyList<string> words, Language language, SentenceReading reading, SafetyRule? rule,
        Func<MatchResult> match, AskedQuestions asked)
    {
        if (rule is not null)
            return FromRule(rule, asked, words, language, reading);
        // Heavy typos ("hwo lnog dose teh pmup lsat") can look like Spanish; a question both signals answer is English.
        // The regression alone is not enough: it has only ever learned English, and a Spanish question gets the
        // Spanish hand-off.
        if (language != Language.English
            && !(language != Language.Unreadable && match() is { Outcome: MatchOutcome.Answer, ByRegressionAlone: false }))
            return language == Language.Unreadable
                ? Say(Route.Handoff, TextKeys.OtherLanguage, call: true)
                : Say(Route.Handoff, TextKeys.Handoff, call: true, language: language);
        if (string.Join(' ', words) == noneOfThese)
            return Say(Route.Handoff, TextKeys.Handoff, call: true);
        if (Router.FindSmallTalk(words) is { } kind)
            return Say(Route.SmallTalk, TextKeys.SmallTalkPrefix + kind);

        var found = match();
        // A whole message answered needs its sentences matched only if it asks two things or more.
        var questions = found.Outcome == MatchOutcome.Answer && asked.Words.Count < 2 ? [] : asked.Matches;
        if (found.Outcome != MatchOutcome.Answer
            && questions.Where(q => q.Outcome == MatchOutcome.Answer).MaxBy(q => q.Best!.Score) is { } answered)
            found = answered;
        // Chat in words safety.yaml does not list ("lol you're pretty helpful for a robot") is small talk when its meaning
        // is nearer small talk's than any question of the FAQ, even when the words found an entry: "how's your day
        // going?" has the one word of "does the pump start working the same day". Its reply keeps what a "not covered"
        // gives: the clinic's phone, for a question or a personal matter taken for chat, and the line that names 911 and
        // 988, for a crisis told as a thank-you or a farewell that the danger reader missed.
        if (asked.Whole is { } whole && SmallTalk.Recognise(whole) is { } chat)
        {
            var text = $"{messages.Get(TextKeys.SmallTalkPrefix + chat.Nearest.Kind)} {messages.Get(TextKeys.SmallTalkByMeaning)}";
            return Reply.Told(Route.SmallTalk, WithSafetyNet(text, Language.English), Language.English, [ClinicCall(Language.English)],
                chat.ToString()) with { Match = found };
        }
        // Two questions or more, one of them not answered: the person must not read silence on it as a "no".
        var partNotCovered = questions.Count > 1 && questions.Any(q => q.Outcome != MatchOutcome.Answer);
        // One reply answers one entry; another the message asked about is offered first among the follow-ups, one tap away.
        var alsoAsked = questions.Where(q => q.Outcome == MatchOutcome.Answer).Select(q => q.Best!.Entry).ToList();
        return found.Outcome switch
        {
            MatchOutcome.Answer when partNotCovered => WithPartNotCovered(FaqAnswer(found.Best!.Entry, found, alsoAsked)),
            MatchOutcome.Answer => FaqAnswer(found.Best!.Entry, found, alsoAsked),
            MatchOutcome.DidYouMean => DidYouMean(found),
            // Words the FAQ does not know and no common English word: most likely another language.
            _ when Router.LooksForeign(words) => Say(Route.Handoff, TextKeys.OtherLanguage, call: true) with { Match = found },
            _ => Say(Route.NotCovered, TextKeys.NotCovered, call: true, safetyNet: true) with { Match = found },
        };
    }

    /// <summary>
    /// The reply to danger: the deciding phrase rule's own reply, or the crisis, emergency or urgent reply when the
    /// meaning decided, or, when it is unclear which danger, a reply that names both 911 and 988 first.
    /// </summary>
    private Reply DangerReply(DangerVerdict verdict, AskedQuestions asked, IReadOnlyList<string> words, Language language, SentenceReading reading)
    {
        if (verdict.Rule is { } rule)
            return FromRule(rule, asked, words, language, reading);
        var lang = language.ReplyLanguage;
        var route = RouteOf(verdict.Level);
        var (key, calls) = verdict.Unsure
            ? (TextKeys.DangerUnsure, new[] { EmergencyCall(lang), CrisisCall(lang), ClinicCall(lang) })
            : (DangerTextKey(route), CallsFor(route, lang));
        return Reply.Told(route, messages.Get(key, lang), lang, calls, verdict.Reason);
    }

    /// <summary>
    /// An unsure reading by meaning alone, with no phrase rule behind it, gives way when the whole message is a
    /// question the FAQ answers outright ("honestly, is this thing dangerous?"): the classifier is least reliable on
    /// short, vague questions, and a message that also tells of danger has words the FAQ question does not cover.
    /// The same holds for a near miss of an FAQ question that the page does not answer ("what is the spinal cord made
    /// of"): the words found an entry, and the meaning a curated general question. When only one clause reads as danger
    /// and the whole message reads calm, a question of the message that the FAQ answers is enough: "I've tried
    /// everything and nothing touches my pain. Is that when a pump is recommended?" tells of pain, not of danger, and
    /// its answer ends with where to turn all the same. Small talk never overrules it: "I'm done. I've said my
    /// goodbyes." reads like a farewell. Nor does an answer of the entries' regression alone: "this is my last
    /// message, tell the doctor thanks for everything" is all but certainly about the doctor, and a goodbye. Nor does
    /// any question when a piece of the message reads as danger beyond doubt (<see cref="DangerVerdict.Firm"/>). An
    /// answer that both entries' regressions doubted (<see cref="MatchResult.AnswerInDoubt"/>) counts as the answer it
    /// was: the message was understood as a question near the FAQ, and only which entry is in doubt. An answer the
    /// entries' regression and the entries' words agree on counts when the message's words are not danger's
    /// (<paramref name="wordsReadCalm"/>): "My mom keeps saying spinal pump, what even is that?", where the goodbye
    /// above has a farewell's words. So does an answer of every signal read together
    /// (<see cref="MatchResult.BySignalsTogether"/>): "My mom's pump is getting near the end of its life. Is swapping it
    /// out the same as when they first put it in?"
    /// Only for the whole message: it was measured so, and a question of a message read alone carries less of what the
    /// person said.
    /// </summary>
    private static bool AsksOnlyWhatTheFaqAnswers(DangerVerdict verdict, SafetyRule? rule, Func<MatchResult> match, AskedQuestions asked,
        bool wordsReadCalm) =>
        verdict.Unsure && verdict.Rule is null && rule is null && !verdict.Firm
        && (match() is { Outcome: MatchOutcome.Answer, ByRegressionAlone: false } or { NearMiss: true } or { AnswerInDoubt: true }
            || (wordsReadCalm && match() is { Outcome: MatchOutcome.Answer } and ({ ByRegressionWithWords: true } or { BySignalsTogether: true }))
            || (verdict.InOneClause && asked.Matches.Any(q => q is { Outcome: MatchOutcome.Answer, ByRegressionAlone: false } or { AnswerInDoubt: true })));

    /// <summary>The call buttons of a route's reply, the most urgent first.</summary>
    private CallAction[] CallsFor(Route route, Language lang) => route switch
    {
        Route.Crisis => [CrisisCall(lang), EmergencyCall(lang)],
        Route.Emergency => [EmergencyCall(lang), ClinicCall(lang)],
        _ => [ClinicCall(lang)],
    };

    private CallAction CrisisCall(Language lang) => new(messages.Get(TextKeys.CallCrisis, lang), "988");

    private CallAction EmergencyCall(Language lang) => new(messages.Get(TextKeys.CallEmergency, lang), "911");

    private CallAction ClinicCall(Language lang) => new(messages.Get(TextKeys.CallButton, lang), options.ClinicPhone);

    /// <summary>
    /// People often give context before the question ("My husband is getting a pump and I'm worried sick. What are
    /// the risks?"); the context's words then dilute the question's, and a message may ask two things. So each sentence
    /// of a message that asks something is matched alone: when the whole message is not answered, an answer to one of
    /// them is taken (the best, if several), and a question among several that is not answered is said to be so.
    /// Statements are never matched alone: "My dad has a pump." is not a question about anything.
    /// </summary>
    /// <remarks>Each question's words, set-aside words removed. A sentence may hold two questions ("... and how long does
    /// it take?").</remarks>
    private List<IReadOnlyList<string>> QuestionsAsked(string text)
    {
        var sentences = SentenceEnd().Split(text).SelectMany(sentence => AnotherQuestion().Split(sentence))
            .Select(sentence => (Sentence: sentence, Words: TextNormalizer.Words(sentence)))
            .SelectMany(QuestionsAfterComma)
            .ToList();
        if (sentences.Count < 2)
            return [];
        return [.. sentences
            .Where(s => s.Words.Count >= MinQuestionWords && (s.Sentence.TrimEnd().EndsWith('?') || QuestionWords.Contains(s.Words[0])))
            .Select(s => Router.WithoutSetAside(s.Words))];
    }

    /// <summary>
    /// The message's words without the negations of the statements told beside a question ("they don't touch my spasms,
    /// would a pump help"), for the qualifier check: a negation asked reverses a question ("who should not get a
    /// pump"), a negation told does not. A piece asks when it ends in "?" or opens with a question word; pieces end at
    /// sentence ends and at a comma or semicolon before a question word. Null when no statement beside a question holds
    /// a negation.
    /// </summary>
    /// <remarks>
    /// Measured twice: in the thirty-second session a variant that also split at colons and every comma added one
    /// confident wrong answer on the holdouts and was not kept; this one was kept in the fortieth (README, "Measured on
    /// sets written blind").
    /// </remarks>
    private IReadOnlyList<string>? WithoutToldNegations(string text)
    {
        var pieces = SentenceEnd().Split(text).SelectMany(sentence => AnyCommaQuestion().Split(sentence))
            .Select(piece => (Piece: piece, Words: TextNormalizer.Words(piece)))
            .Where(p => p.Words.Count > 0)
            .Select(p => (p.Words, Asks: p.Piece.TrimEnd().EndsWith('?') || QuestionWords.Contains(p.Words[0])))
            .ToList();
        if (!pieces.Any(p => p.Asks) || !pieces.Any(p => !p.Asks && p.Words.Any(QualifierCheck.Negations.Contains)))
            return null;
        return Router.WithoutSetAside([.. pieces.SelectMany(p => p.Asks ? p.Words : p.Words.Where(w => !QualifierCheck.Negations.Contains(w)))]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[,;]\s+(?=(?:" + OpeningWords + @")\b)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AnyCommaQuestion();

    /// <summary>The questions one message asks (<see cref="QuestionsAsked"/>), split and matched at most once.</summary>
    private sealed class AskedQuestions(Answerer answerer, string text, SentenceReading reading)
    {
        private List<IReadOnlyList<string>>? words;
        private List<MatchResult>? matches;

        public List<IReadOnlyList<string>> Words => words ??= answerer.QuestionsAsked(text);

        public List<MatchResult> Matches => matches ??= [.. Words.Select(question => answerer.MatchQuestion(question, reading, Whole))];

        /// <summary>The whole message's meaning, shared by every reader of it that weighs it against the FAQ's questions.</summary>
        public MessageMeaning? Whole { get; } = reading.Whole is { } vector ? answerer.Meaning.Read(vector) : null;
    }

    // "Why?" or "and how" alone asks nothing the FAQ could answer on its own.
    private const int MinQuestionWords = 3;

    // The most related questions an entry may list (faq/schema/entry.schema.json).
    private const int MaxFollowUps = 3;

    /// <summary>
    /// One question of a message, matched with its own vector when the danger reader read it as a clause, or else with
    /// the whole message's: the meaning still vetoes a near miss or a rival, which the words alone would not. But the
    /// whole message also means its other questions ("what happens during the trial and does my insurance pay for
    /// it" is near "does insurance cover the trial"), so such a near miss does not stop words that match the FAQ's own
    /// wording.
    /// </summary>
    private MatchResult MatchQuestion(IReadOnlyList<string> question, SentenceReading reading, MessageMeaning? whole)
    {
        if (reading.Of(string.Join(' ', question)) is { } own)
            return Hybrid.Match(question, own);
        var match = Hybrid.Match(question, whole);
        return match.NearMiss && Hybrid.Match(question, vector: null) is { Outcome: MatchOutcome.Answer } words
            && words.Best!.Score >= wordsOverrule
            ? words
            : match;
    }

    /// <summary>
    /// An answer to one of several questions in a message, told that another was not answered: the person should not
    /// take silence on it for a "no", and the clinic can answer it.
    /// </summary>
    private Reply WithPartNotCovered(Reply answer) =>
        answer with { Text = $"{messages.Get(TextKeys.PartNotCovered)}\n\n{answer.Text}" };

    // The words that open a question, for the regular expressions that split a message into the questions it asks.
    private const string OpeningWordsButIsAre = "what|how|when|where|who|why|which|can|could|will|would|do|does|did|should";
    private const string OpeningWords = OpeningWordsButIsAre + "|is|are";

    // A piece of a message that opens with one of these asks something. "may" opens a question ("may I ask...") but
    // rarely a second one after "and" or a comma, so the splitting expressions leave it out.
    private static readonly HashSet<string> QuestionWords = new([.. OpeningWords.Split('|'), "may"], StringComparer.Ordinal);

    // A sentence ends at ".", "?" or "!" followed by white space, or at a line break, but not after a title: "Where did
    // Dr. Stauss train?" is one question, and its halves would each find a wrong answer on the words alone.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.?!])(?<!\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Ss]t)\.)\s+|\n+")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    // One sentence may ask two things: "how long does the surgery take and when can I go back to work". A second
    // question starts at "and", "also" or "plus" followed by a question word; "or" joins the options of one question
    // ("is it full anesthesia or is it numbing?").
    [System.Text.RegularExpressions.GeneratedRegex(@",?\s+(?:and|also|plus)\s+(?=(?:" + OpeningWords + @")\b)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AnotherQuestion();

    /// <summary>
    /// A question that goes on to another after a comma ("where does it go, how long does it take"): split there only
    /// when the first part is itself a question, so that a statement before the comma stays the context of what follows
    /// ("my son has bad spasms, can a pump help with that"), whose "that" means nothing alone.
    /// </summary>
    private static IEnumerable<(string Sentence, IReadOnlyList<string> Words)> QuestionsAfterComma((string Sentence, IReadOnlyList<string> Words) s) =>
        s.Words is [var first, ..] && QuestionWords.Contains(first) && CommaQuestion().Split(s.Sentence) is { Length: > 1 } parts
            ? parts.Select(part => (part, TextNormalizer.Words(part)))
            : [s];

    // "is" and "are" are left out: after a comma they more often go on with the same question ("what kind of imaging,
    // MRI or CT, is done before surgery").
    [System.Text.RegularExpressions.GeneratedRegex(@"[,;]\s+(?=(?:" + OpeningWordsButIsAre + @")\b)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CommaQuestion();

    /// <summary>
    /// The answer of one entry, as when a person taps a suggested question. Its follow-ups are the other entries the
    /// message asked about (<paramref name="alsoAsked"/>), then the entry's related ones: three at most, as curated.
    /// </summary>
    public Reply FaqAnswer(FaqEntry entry, MatchResult? match = null, IReadOnlyList<FaqEntry>? alsoAsked = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var related = (alsoAsked ?? [])
            .Concat(entry.Related.Select(Content.Find).OfType<FaqEntry>())
            .Where(r => r.Id != entry.Id)
            .DistinctBy(r => r.Id)
            .Take(MaxFollowUps)
            .Select(r => new Suggestion(r.Question, r.Question))
            .ToList();
        return Reply.FaqAnswer(entry, AnswerText(entry), Citation(entry), related, Language.English, match);
    }

    /// <summary>The entry's passages as one text: list items stay on their own lines.</summary>
    public static string AnswerText(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join("\n\n", entry.Answer.Select(p => p.Replace("\n", "\n\n", StringComparison.Ordinal)));
    }

    public string Citation(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var page = entry.Page;
        var citation = messages.Get(TextKeys.Citation)
            .Replace("{title}", page.Title, StringComparison.Ordinal)
            .Replace("{clinic}", page.Clinic, StringComparison.Ordinal)
            .Replace("{updated}", page.UpdatedText, StringComparison.Ordinal);
        return string.IsNullOrEmpty(page.Url) ? citation : $"{citation} {page.Url}";
    }

    /// <summary>The reply to a "Helpful / Not helpful" vote.</summary>
    public Reply Feedback(bool helpful) =>
        Say(Route.SmallTalk, helpful ? TextKeys.FeedbackThanks : TextKeys.FeedbackSorry, call: !helpful);

    public string Text(string key, Language? language = null) => messages.Get(key, language);

    private Reply FromRule(SafetyRule rule, AskedQuestions asked, IReadOnlyList<string> words, Language language, SentenceReading reading)
    {
        var lang = language.ReplyLanguage;
        var route = RouteOf(rule.Kind);
        var key = route != Route.Handoff ? DangerTextKey(route)
            : lang != Language.English || rule.Reason is null ? TextKeys.Handoff
            : TextKeys.HandoffReasonPrefix + rule.Reason;
        var replyText = rule.SafetyNet ? WithSafetyNet(messages.Get(key, lang), lang) : messages.Get(key, lang);
        var reply = Reply.Told(route, replyText, lang, CallsFor(route, lang), rule.Name);
        if (route != Route.Handoff || lang != Language.English)
            return reply;
        var match = rule.OfferFaq ? GeneralAnswer(rule, words, asked.Whole) : null;
        IReadOnlyList<string>? question = null;
        // "What happens at the trial, and how much does it cost?": the clinic answers the cost, the FAQ the trial. A
        // question of the message that needs no hand-off of its own is answered after the hand-off.
        if (match is not { Outcome: MatchOutcome.Answer }
            && asked.Words.Zip(asked.Matches)
                .Where(part => !Router.FindRules(part.First).Any() && part.Second.Outcome == MatchOutcome.Answer)
                .OrderByDescending(part => part.Second.Best!.Score)
                .FirstOrDefault() is ({ } itsWords, { } answered))
            (match, question) = (answered, itsWords);
        if (match is not { Outcome: MatchOutcome.Answer } || !AddOnIsAsked(match, question, asked, reading))
            return reply with { Match = match };
        var entry = match.Best!.Entry;
        return reply with
        {
            Text = $"{reply.Text}\n\n{messages.Get(TextKeys.AlsoGeneralInfo)}\n\n{AnswerText(entry)}",
            Answer = entry,
            Citation = Citation(entry),
            Match = match,
        };
    }

    /// <summary>
    /// Whether the answer a hand-off would add is what the message asks, not only near it: the add-on is general
    /// information while they call, never the point of the reply, and "I need a letter for work about my implant" is near
    /// "is a pump better than pills". Unless worded like one of the FAQ's own questions, the entries' regression must
    /// find the same entry likeliest: for the <paramref name="question"/> it answers, read alone (the whole message also
    /// means the other question), or else for the whole message or any one of its questions. With nothing read by the
    /// model, the match decides alone.
    /// </summary>
    private bool AddOnIsAsked(MatchResult match, IReadOnlyList<string>? question, AskedQuestions asked, SentenceReading reading)
    {
        if (match.Exact)
            return true;
        float[]? Own(IReadOnlyList<string> words) => reading.Of(string.Join(' ', words));
        var meanings = (question is null ? asked.Words.Select(Own).Prepend(reading.Whole) : [Own(question)]).OfType<float[]>().ToList();
        return meanings.Count == 0 || meanings.Any(meaning => Hybrid.RegressionBacks(match.Best!.Entry, meaning));
    }

    /// <summary>
    /// "Am I a candidate?" is personal, but the general answer ("who can benefit") may help while they call. "My doctor
    /// mentioned a pain pump, what is it?" asks about the pump, not the doctor: the words that only say whose thing it
    /// is are set aside, and the whole message is matched only when that finds no answer. Both signals must agree on
    /// the add-on too, and the entries' regression back it (<see cref="AddOnIsAsked"/>): general information on another
    /// topic does not help.
    /// </summary>
    private MatchResult GeneralAnswer(SafetyRule rule, IReadOnlyList<string> words, MessageMeaning? whole)
    {
        var general = Router.WithoutPossessivePhrasesOf(rule, words);
        return general.Count < words.Count && Hybrid.Match(general, whole) is { Outcome: MatchOutcome.Answer } withoutContext
            ? withoutContext
            : Hybrid.Match(words, whole);
    }

    private Reply DidYouMean(MatchResult match)
    {
        var suggestions = match.Candidates
            .Select(c => new Suggestion(c.Entry.Question, c.Entry.Question))
            .Append(new Suggestion(messages.Get(TextKeys.NoneOfThese), messages.Get(TextKeys.NoneOfThese), SuggestionKind.NoneOfThese))
            .ToList();
        return Reply.DidYouMean(messages.Get(TextKeys.DidYouMean), suggestions, Language.English, match);
    }

    /// <summary>
    /// Replies that could be the answer to danger told in words the safety phrases do not know yet ("not covered",
    /// own-care and medicine hand-offs) end with where to turn: one curated text, so 911 and 988 are worded once.
    /// </summary>
    private string WithSafetyNet(string text, Language language) => $"{text} {messages.Get(TextKeys.SafetyNet, language)}";

    private Reply Say(Route route, string key, bool call = false, Language? language = null, bool safetyNet = false)
    {
        var lang = language ?? Language.English;
        return Reply.Told(route, safetyNet ? WithSafetyNet(messages.Get(key, lang), lang) : messages.Get(key, lang), lang,
            call ? [ClinicCall(lang)] : []);
    }

    /// <summary>The reply text of a crisis, emergency or urgent route.</summary>
    private static string DangerTextKey(Route route) => route switch
    {
        Route.Crisis => TextKeys.Crisis,
        Route.Emergency => TextKeys.Emergency,
        _ => TextKeys.Urgent,
    };

    private static Route RouteOf(DangerLevel level) => level switch
    {
        DangerLevel.Crisis => Route.Crisis,
        DangerLevel.Emergency => Route.Emergency,
        DangerLevel.Urgent => Route.Urgent,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "calm is not a danger route"),
    };

    private static Route RouteOf(RuleKind kind) => kind switch
    {
        RuleKind.Crisis => Route.Crisis,
        RuleKind.Emergency => Route.Emergency,
        RuleKind.Urgent => Route.Urgent,
        _ => Route.Handoff,
    };
}
