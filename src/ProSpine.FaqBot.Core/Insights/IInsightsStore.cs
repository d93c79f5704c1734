namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// Where uncovered questions and feedback votes are kept for the staff reports. One instance of the bot can use the
/// embedded SQLite store; several instances behind a load balancer need one shared store behind this interface.
/// Implementations keep exactly the fields of the records, so redaction done before the call is never undone.
/// </summary>
public interface IInsightsStore
{
    Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken);

    Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken);

    /// <summary>Questions recorded on <paramref name="since"/> or later.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> UnansweredSinceAsync(DateOnly since, CancellationToken cancellationToken);

    /// <summary>Votes recorded on <paramref name="since"/> or later.</summary>
    Task<IReadOnlyList<FeedbackVote>> VotesSinceAsync(DateOnly since, CancellationToken cancellationToken);

    /// <summary>Deletes every record from before <paramref name="cutoff"/>.</summary>
    /// <returns>How many records were deleted.</returns>
    Task<int> PurgeBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken);
}
