using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// The thresholds of <see cref="FaqMatcher"/>, bound from the <c>Matching</c> section of <c>appsettings.json</c>.
/// The defaults are pinned by the labelled-question tests: change them only with those tests.
/// </summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>A best score at or above this, with <see cref="Margin"/> over the runner-up, is answered.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.6;

    /// <summary>Entries scoring at or above this may be offered under "Did you mean".</summary>
    [Range(0.0, 1.0)]
    public double SuggestThreshold { get; set; } = 0.45;

    /// <summary>How far the best score must lead the runner-up to be answered without asking.</summary>
    [Range(0.0, 1.0)]
    public double Margin { get; set; } = 0.03;

    /// <summary>The share of the question's weighted words an entry must cover to be considered at all.</summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.7;

    /// <summary>How much coverage counts in the score; the rest is similarity to the closest phrasing.</summary>
    [Range(0.0, 1.0)]
    public double CoverageWeight { get; set; } = 0.5;

    /// <summary>Credit for a question word found only in an entry's answer rather than its phrasings.</summary>
    [Range(0.0, 1.0)]
    public double AnswerWordCredit { get; set; } = 0.6;

    /// <summary>Weight of words such as "how" or "when" relative to a content word.</summary>
    [Range(0.0, 1.0)]
    public double WeakWordWeight { get; set; } = 0.3;

    /// <summary>
    /// Sentence similarity (cosine, 0-1) at which the meaning may choose an entry that the words alone did not cover,
    /// provided the words support it (<see cref="MeaningWordSupport"/>). Right paraphrases often score 0.75-0.9, but so
    /// do near misses: keep it high.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MeaningAnswer { get; set; } = 0.85;

    /// <summary>How far the entry nearest in meaning must lead the runner-up for the meaning to choose it.</summary>
    [Range(0.0, 1.0)]
    public double MeaningMargin { get; set; } = 0.05;

    /// <summary>The share of the question's weighted words the entry chosen by meaning must still cover.</summary>
    [Range(0.0, 1.0)]
    public double MeaningWordSupport { get; set; } = 0.5;

    /// <summary>
    /// Sentence similarity at which the meaning answers without the words' support, provided the entry also leads every
    /// question curated as not answered by <see cref="MeaningAloneLead"/>, and none of the question's words that the FAQ
    /// never uses is used by such a question (<c>not-covered.yaml</c>, <c>asked.yaml</c>) unless patients used it
    /// asking this entry.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MeaningAlone { get; set; } = 0.8;

    /// <summary>How much nearer in meaning than any question the FAQ does not answer an entry chosen by
    /// <see cref="MeaningAlone"/> must be.</summary>
    [Range(0.0, 1.0)]
    public double MeaningAloneLead { get; set; } = 0.05;

    /// <summary>
    /// How far below the closest entry in meaning the words' choice may be and still count as agreeing; further, the
    /// person is asked "Did you mean".
    /// </summary>
    [Range(0.0, 1.0)]
    public double MeaningAgreement { get; set; } = 0.05;

    /// <summary>
    /// The share of the question's weighted words that the entry nearest in meaning must cover for its disagreement
    /// with the words' choice to count: below it, the meaning alone is too vague to doubt the words.
    /// </summary>
    [Range(0.0, 1.0)]
    public double RivalWordSupport { get; set; } = 0.4;

    /// <summary>A words score at or above this answers even when the meaning prefers another entry.</summary>
    [Range(0.0, 1.0)]
    public double WordsOverrule { get; set; } = 0.9;

    /// <summary>Sentence similarity at which an entry the words do not cover is offered under "Did you mean".</summary>
    [Range(0.0, 1.0)]
    public double MeaningSuggest { get; set; } = 0.75;

    /// <summary>How far below the closest entry in meaning another may be and still be offered with it.</summary>
    [Range(0.0, 1.0)]
    public double MeaningSpread { get; set; } = 0.1;

    /// <summary>
    /// How much nearer in meaning than an entry a curated question the FAQ does not answer (<c>not-covered.yaml</c>)
    /// may come before that entry is no longer answered: the message is then a near miss ("how long does the
    /// <em>battery</em> last") and the person is asked "Did you mean". Negative: the entry must lead by that much.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double UncoveredMargin { get; set; } = -0.03;

    /// <summary>
    /// <see cref="UncoveredMargin"/> for an entry whose words score at least <see cref="WordsOverrule"/>: the question is
    /// worded like the FAQ, so a near miss must come at least this much nearer in meaning than the entry to overrule it.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double UncoveredMarginForStrongWords { get; set; } = 0.02;

    /// <summary>
    /// The least similarity at which a curated uncovered question counts as what the message asks: below it, both it
    /// and the entry are far, and the words (typos, short questions) know better.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UncoveredFloor { get; set; } = 0.65;

    /// <summary>
    /// The least probability at which the entries' regression (<see cref="EntryClassifier"/>) answers an entry the other
    /// rules did not, or overrules a near miss of the entry the words chose. A guess it is less sure of leaves the other
    /// rules to decide. Null: the regression never answers (nor overrules a near miss).
    /// </summary>
    [Range(0.5, 1.0)]
    public double? RegressionAnswer { get; set; } = 0.93;

    /// <summary>
    /// The least probability at which the entries' regression answers when the meaning's nearest entry is the same one,
    /// at least <see cref="MeaningSuggest"/> similar and <see cref="MeaningAloneLead"/> nearer than every question the
    /// FAQ does not answer: two readings of the meaning that agree, each less sure than it would need to be alone.
    /// Null: only <see cref="RegressionAnswer"/> lets the regression answer.
    /// </summary>
    [Range(0.5, 1.0)]
    public double? RegressionWithMeaning { get; set; } = 0.8;

    /// <summary>
    /// The least probability at which the entries' regression answers when the entries' words (<see cref="EntryWords"/>)
    /// find the same entry likeliest, at least <see cref="EntryWordsProbability"/> sure, and the entry is at least
    /// <see cref="EntryWordsMeaning"/> similar in meaning: two regressions that agree, one reading the meaning and one
    /// the words, each less sure than it would need to be alone. Null: the entries' words never answer.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? WordsWithRegression { get; set; } = 0.4;

    /// <summary>
    /// The least probability of the entries' words for <see cref="WordsWithRegression"/>, and for the meaning to answer
    /// the entry they name when the words matcher's choice is set aside.
    /// </summary>
    [Range(0.0, 1.0)]
    public double EntryWordsProbability { get; set; } = 0.7;

    /// <summary>The least similarity in meaning of the entry, for <see cref="WordsWithRegression"/>.</summary>
    [Range(0.0, 1.0)]
    public double EntryWordsMeaning { get; set; } = 0.6;

    /// <summary>
    /// The least probability at which the entries' regression and the entries' words (<see cref="EntryWords"/>), when
    /// both name the same other entry than the rules' answer, or both a question the FAQ does not answer, turn that
    /// answer into a "Did you mean". Null: they never do.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? RegressionsDoubt { get; set; } = 0.4;

    /// <summary>
    /// The least probability at which the signals read together (<see cref="SignalsTogether"/>) answer the entry they
    /// find likeliest when no rule answered by one or two of them. Null: they never do.
    /// </summary>
    [Range(0.5, 1.0)]
    public double? TogetherAnswer { get; set; } = 0.6;

    /// <summary>
    /// The entries' regression answers only once it has learned at least this many questions the FAQ does not answer
    /// (<c>not-covered.yaml</c> and <c>asked.yaml</c> together; the shipped FAQ has over a thousand). From a handful it
    /// knows little besides the entries, and is sure of one of them for nearly any message.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int RegressionMinimumUncovered { get; set; } = 100;

    /// <summary>Most "Did you mean" suggestions.</summary>
    [Range(1, 5)]
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>
    /// The least sentence similarity to an example of <c>faq/small-talk.yaml</c> at which a calm message no phrase rule
    /// routed is taken as small talk (<see cref="SmallTalkByMeaning"/>).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SmallTalkMeaning { get; set; } = 0.5;

    /// <summary>How much nearer in meaning than every question of the FAQ that example must be.</summary>
    [Range(0.0, 1.0)]
    public double SmallTalkLead { get; set; } = 0.15;
}
