namespace ProSpine.FaqBot.Core.Content;

/// <summary>
/// Everything the bot says that is not a quote of the page: the curated texts of <c>faq/messages.yaml</c>, by language. A text missing in a language falls back to English, which must
/// have every key of <see cref="TextKeys.Required"/>.
/// </summary>
public sealed class CuratedTexts(IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> byLanguage)
{
    public IEnumerable<Language> Languages => byLanguage.Keys;

    /// <summary>Every text, in every language.</summary>
    public IEnumerable<string> Texts => byLanguage.Values.SelectMany(texts => texts.Values);

    /// <summary>The text <paramref name="key"/> in <paramref name="language"/> (English when null), else in English.</summary>
    public string Get(string key, Language? language = null)
    {
        if (byLanguage.TryGetValue(language ?? Language.English, out var texts) && texts.TryGetValue(key, out var text))
            return text;
        return byLanguage[Language.English].TryGetValue(key, out var english)
            ? english
            : throw new KeyNotFoundException($"messages.yaml has no text '{key}'");
    }

    public bool Has(string key, Language? language = null) =>
        byLanguage.TryGetValue(language ?? Language.English, out var texts) && texts.ContainsKey(key);
}

/// <summary>Names of the texts in <c>faq/messages.yaml</c> that the code uses.</summary>
public static class TextKeys
{
    public const string Welcome = "welcome";
    public const string NotCovered = "notCovered";
    public const string SafetyNet = "safetyNet";
    public const string Empty = "empty";
    public const string TooLong = "tooLong";
    public const string Crisis = "crisis";
    public const string Emergency = "emergency";
    public const string Urgent = "urgent";
    public const string DangerUnsure = "dangerUnsure";
    public const string Handoff = "handoff";
    public const string HandoffReasonPrefix = "handoffReasons.";
    public const string OtherLanguage = "otherLanguage";
    public const string DidYouMean = "didYouMean";
    public const string NoneOfThese = "noneOfThese";
    public const string Citation = "citation";
    public const string CallButton = "callButton";
    public const string CallCrisis = "callCrisis";
    public const string CallEmergency = "callEmergency";
    public const string RelatedPrompt = "relatedPrompt";
    public const string AlsoGeneralInfo = "alsoGeneralInfo";
    public const string PartNotCovered = "partNotCovered";
    public const string FeedbackHelpful = "feedback.helpful";
    public const string FeedbackNotHelpful = "feedback.notHelpful";
    public const string FeedbackThanks = "feedback.thanks";
    public const string FeedbackSorry = "feedback.sorry";
    public const string SmallTalkPrefix = "smallTalk.";
    public const string SmallTalkByMeaning = "smallTalkByMeaning";
    public const string Apology = "apology";
    public const string WidgetLauncher = "widget.launcher";
    public const string WidgetTitle = "widget.title";
    public const string WidgetGreeting = "widget.greeting";
    public const string WidgetClose = "widget.close";
    public const string WidgetLoading = "widget.loading";
    public const string WidgetUnavailable = "widget.unavailable";
    public const string StaffHelp = "staff.help";
    public const string StaffLookup = "staff.lookup";
    public const string StaffLookupUsage = "staff.lookupUsage";
    public const string StaffUnanswered = "staff.unanswered";
    public const string StaffUnansweredRow = "staff.unansweredRow";
    public const string StaffUnansweredAlso = "staff.unansweredAlso";
    public const string StaffUnansweredNone = "staff.unansweredNone";
    public const string StaffFeedback = "staff.feedback";
    public const string StaffFeedbackRow = "staff.feedbackRow";
    public const string StaffFeedbackNone = "staff.feedbackNone";
    public const string StaffMore = "staff.more";
    public const string StaffBadDays = "staff.badDays";
    public const string StaffRecordingOff = "staff.recordingOff";
    public const string StaffNone = "staff.none";

    public static readonly IReadOnlyList<string> Required =
    [
        Welcome, NotCovered, SafetyNet, Empty, TooLong, Crisis, Emergency, DangerUnsure, Urgent, Handoff, OtherLanguage, DidYouMean, NoneOfThese,
        Citation, CallButton, CallCrisis, CallEmergency, RelatedPrompt, AlsoGeneralInfo, PartNotCovered, FeedbackHelpful, FeedbackNotHelpful, FeedbackThanks,
        FeedbackSorry, SmallTalkByMeaning, Apology, WidgetLauncher, WidgetTitle, WidgetGreeting, WidgetClose, WidgetLoading, WidgetUnavailable,
        StaffHelp, StaffLookup, StaffLookupUsage, StaffUnanswered, StaffUnansweredRow, StaffUnansweredAlso, StaffUnansweredNone, StaffFeedback,
        StaffFeedbackRow, StaffFeedbackNone, StaffMore, StaffBadDays, StaffRecordingOff, StaffNone,
    ];
}
