namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// A question the FAQ did not cover, as kept for staff: the redacted text, the day it was asked, and the closest
/// entry the matcher found (if any). Nothing about who asked or in which conversation.
/// </summary>
public sealed record UnansweredQuestion(DateOnly Day, RedactedText Text, string? NearestEntryId, double? NearestScore);

/// <summary>A "Helpful / Not helpful" vote on one FAQ entry, by day. Nothing about who voted.</summary>
public sealed record FeedbackVote(DateOnly Day, string EntryId, bool Helpful);
