namespace ProSpine.FaqBot.Core.Content;

/// <summary>What a rule of <c>faq/safety.yaml</c> does, by the section it is written in. Declared in order of
/// precedence: a crisis rule wins over an emergency rule, and so on.</summary>
public enum RuleKind
{
    /// <summary>Thoughts of suicide or self-harm: 988 and 911, nothing else first.</summary>
    Crisis,
    /// <summary>Signs of an emergency: call 911 now.</summary>
    Emergency,
    /// <summary>A pump or wound problem that needs the care team today.</summary>
    Urgent,
    /// <summary>The person's own care, or something only staff can answer: the clinic's phone.</summary>
    Handoff,
}

/// <summary>
/// A phrase of <c>faq/safety.yaml</c>, normalised like every message. A trailing <c>*</c> in the file makes the last
/// word a prefix ("suicid*" matches "suicide" and "suicidal").
/// </summary>
public sealed record SafetyPhrase(IReadOnlyList<string> Words, bool LastWordIsPrefix, string Source);

/// <summary>
/// A routing rule: it applies when one phrase of <paramref name="Any"/> is present (or <paramref name="Any"/> is
/// empty), every group of <paramref name="All"/> has a phrase present, and no phrase of <paramref name="Unless"/> is.
/// </summary>
/// <param name="Reason">For hand-offs: the name of the reason text in <c>messages.yaml</c>.</param>
/// <param name="OfferFaq">For hand-offs: a strong FAQ match may be shown after the hand-off.</param>
/// <param name="SafetyNet">For hand-offs: the reply ends with <c>safetyNet</c> from <c>messages.yaml</c> (911, 988).</param>
/// <param name="AskedInGeneral">For crisis and emergency rules whose words people also use in general questions
/// ("suicide rates", "what happens in an overdose"): the alarm gives way when the danger classifier reads the message
/// as clearly calm. Every other rule's alarm stands.</param>
/// <param name="MaxWords">When set, the rule applies only to a message (or one question of it) of at most this many
/// words: a few words leave no room to say a question is general ("is this withdrawal").</param>
public sealed record SafetyRule(
    string Name,
    RuleKind Kind,
    string? Reason,
    IReadOnlyList<SafetyPhrase> Any,
    IReadOnlyList<IReadOnlyList<SafetyPhrase>> All,
    IReadOnlyList<SafetyPhrase> Unless,
    bool OfferFaq,
    bool SafetyNet = false,
    bool AskedInGeneral = false,
    int? MaxWords = null);

/// <summary>Everything in <c>faq/safety.yaml</c>.</summary>
/// <param name="Rules">Crisis, emergency, urgent and hand-off rules, in order of precedence.</param>
/// <param name="SmallTalk">Kind of small talk ("greeting") to its phrases.</param>
/// <param name="LanguageMarkers">A language other than English to words that show a message is in that language.</param>
/// <param name="SetAside">Phrases removed before a message is read for danger ("not suicidal", "dying to know").</param>
/// <param name="LongOver">What shows that a sentence tells of danger long past and over; null for none.</param>
/// <param name="AskedForStudy">What shows that a question is asked for a class or an exam; null for none.</param>
/// <param name="SmallTalkFiller">Words that may stand beside small talk without asking anything ("much", "kindly",
/// "staff"); null for none.</param>
public sealed record SafetyRules(
    IReadOnlyList<SafetyRule> Rules,
    IReadOnlyDictionary<string, IReadOnlyList<SafetyPhrase>> SmallTalk,
    IReadOnlyDictionary<Language, IReadOnlySet<string>> LanguageMarkers,
    IReadOnlyList<SafetyPhrase> SetAside,
    LongOverPhrases? LongOver = null,
    StudyPhrases? AskedForStudy = null,
    IReadOnlySet<string>? SmallTalkFiller = null);

/// <summary>
/// The <c>longOver</c> phrases of <c>faq/safety.yaml</c>: a sentence with a phrase of <paramref name="Past"/> ("years
/// ago") and one of <paramref name="Over"/> ("been clean since"), in a message with none of <paramref name="Unless"/>
/// ("again", "lately"), tells of danger long over, and is not read for danger. In a message that names no crisis, so
/// does a sentence that places a death (<paramref name="Died"/>) long ago, one that names someone who has died
/// (<paramref name="Gone"/>: "my late husband"), and one that places an emergency long ago without a phrase of
/// <paramref name="Present"/> ("is", "keeps"). A sentence that speaks in the present elsewhere loses only such a
/// clause, unless what is left has a word of <paramref name="PointsBack"/> ("it", "one", "same").
/// </summary>
public sealed record LongOverPhrases(
    IReadOnlyList<SafetyPhrase> Past,
    IReadOnlyList<SafetyPhrase> Over,
    IReadOnlyList<SafetyPhrase> Unless,
    IReadOnlyList<SafetyPhrase>? Died = null,
    IReadOnlyList<SafetyPhrase>? Gone = null,
    IReadOnlyList<SafetyPhrase>? Present = null,
    IReadOnlyList<SafetyPhrase>? PointsBack = null);

/// <summary>
/// The <c>askedForStudy</c> phrases of <c>faq/safety.yaml</c>: a word of <paramref name="Subjects"/> ("class", "exam")
/// after "for", with at most three words between ("asking for a neuro class", "for my first aid cert"), or among the
/// message's first four words ("first aid class: ..."), or a phrase of <paramref name="Phrases"/> anywhere ("nursing
/// student", "class question"), shows a question asked for study, unless a phrase of <paramref name="Unless"/> says
/// something is happening now ("right now", "tonight").
/// </summary>
public sealed record StudyPhrases(IReadOnlyList<SafetyPhrase> Subjects, IReadOnlyList<SafetyPhrase> Phrases, IReadOnlyList<SafetyPhrase> Unless);
