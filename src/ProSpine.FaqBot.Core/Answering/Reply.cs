using ProSpine.FaqBot.Core.Faq;
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
/// </summary>
/// <param name="Text">What the person reads first (Markdown).</param>
/// <param name="Answer">For FAQ answers: the entry whose verbatim text is in <paramref name="Text"/>.</param>
/// <param name="Citation">For FAQ answers: page, clinic and updated date.</param>
/// <param name="Calls">Phone calls the reply offers, most urgent first.</param>
/// <param name="Language">The language of <paramref name="Text"/> ("en", "es").</param>
/// <param name="RuleName">The safety rule that decided the route, if any (for logs and curators; never shown).</param>
/// <param name="Match">The matcher's decision, when matching ran.</param>
public sealed record Reply(
    Route Route,
    string Text,
    FaqEntry? Answer,
    string? Citation,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<CallAction> Calls,
    string Language,
    string? RuleName,
    MatchResult? Match)
{
    /// <summary>What the danger classifier read in the message, when it was read (for curators and staff; never shown).</summary>
    public DangerScores? Danger { get; init; }

    /// <summary>FAQ answers ask "Helpful / Not helpful".</summary>
    public bool AsksFeedback => Answer is not null;
}
