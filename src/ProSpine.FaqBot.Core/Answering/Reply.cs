using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;

namespace ProSpine.FaqBot.Core.Answering;

/// <summary>What a suggestion button does when tapped.</summary>
public enum SuggestionKind
{
    /// <summary>Sends <see cref="Suggestion.Value"/> as the person's next question.</summary>
    Question,
    /// <summary>"None of these" after "Did you mean": hands off.</summary>
    NoneOfThese,
}

public sealed record Suggestion(string Title, string Value, SuggestionKind Kind = SuggestionKind.Question);

/// <summary>A phone call the reply offers: the number to dial and the button's label.</summary>
public sealed record CallAction(string Label, string Number);

/// <summary>
/// The bot's answer to one message, independent of any channel: the Bot Framework layer renders it as an activity.
/// Made by the factories, one for each kind of reply, so a reply's parts always fit its route.
/// </summary>
public sealed record Reply
{
    private Reply(Route route, string text, Language language)
    {
        Route = route;
        Text = text;
        Language = language;
    }

    public Route Route { get; }

    /// <summary>What the person reads first (Markdown).</summary>
    public string Text { get; init; }

    /// <summary>For FAQ answers (and hand-offs that add general information): the entry whose verbatim text is in
    /// <see cref="Text"/>.</summary>
    public FaqEntry? Answer { get; init; }

    /// <summary>With <see cref="Answer"/>: page, clinic and updated date.</summary>
    public string? Citation { get; init; }

    public IReadOnlyList<Suggestion> Suggestions { get; private init; } = [];

    /// <summary>Phone calls the reply offers, most urgent first.</summary>
    public IReadOnlyList<CallAction> Calls { get; private init; } = [];

    /// <summary>The language of <see cref="Text"/> ("en", "es").</summary>
    public Language Language { get; }

    /// <summary>What decided a danger or hand-off route: the safety rule's name or the classifier's reading (for logs
    /// and curators; never shown).</summary>
    public string? RuleName { get; private init; }

    /// <summary>The matcher's decision, when matching ran.</summary>
    public MatchResult? Match { get; init; }

    /// <summary>What the danger classifier read in the message, when it was read (for curators and staff; never shown).</summary>
    public DangerScores? Danger { get; init; }

    /// <summary>FAQ answers ask "Helpful / Not helpful".</summary>
    public bool AsksFeedback => Answer is not null;

    /// <summary>A curated text on its own route, with the calls it offers: danger, hand-offs, small talk, "not covered".</summary>
    /// <param name="decidedBy">The rule or reading that chose the route, for logs and curators.</param>
    public static Reply Told(Route route, string text, Language language, IReadOnlyList<CallAction> calls, string? decidedBy = null) =>
        new(route, text, language) { Calls = calls, RuleName = decidedBy };

    /// <summary>An FAQ answer: the entry's verbatim text, its citation and up to three related questions.</summary>
    public static Reply FaqAnswer(FaqEntry entry, string text, string citation, IReadOnlyList<Suggestion> related, Language language, MatchResult? match) =>
        new(Route.Answer, text, language) { Answer = entry, Citation = citation, Suggestions = related, Match = match };

    /// <summary>"Did you mean": the entries to choose from, then "None of these".</summary>
    public static Reply DidYouMean(string text, IReadOnlyList<Suggestion> choices, Language language, MatchResult match) =>
        new(Route.DidYouMean, text, language) { Suggestions = choices, Match = match };
}
