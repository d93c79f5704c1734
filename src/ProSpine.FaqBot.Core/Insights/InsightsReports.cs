using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>Uncovered questions that read alike once normalised (or, see <see cref="UnansweredByMeaning"/>, that mean
/// nearly the same), with how often they were asked.</summary>
/// <param name="Text">The most recent wording of the group (redacted); in a group by meaning, its most asked wording.</param>
/// <param name="NearestEntryId">The entry most often closest to the group's questions by the words, if any was; in a
/// group by meaning, the entry nearest in meaning.</param>
/// <param name="NearestScore">That entry's best score in the group; in a group by meaning, its similarity (cosine).</param>
public sealed record UnansweredGroup(string Text, int Count, string? NearestEntryId, double? NearestScore, DateOnly LastAsked)
{
    /// <summary>The group's other wordings (redacted) when it was grouped by meaning, most asked first.</summary>
    public IReadOnlyList<string> OtherWordings { get; init; } = [];
}

/// <summary>Votes of one entry.</summary>
public sealed record EntryVotes(string EntryId, int Helpful, int NotHelpful);

/// <summary>Turns stored records into the staff reports' rows. Plain functions over what the store returned.</summary>
public static class InsightsReports
{
    /// <summary>
    /// Groups questions by their normalised text (case, punctuation, contractions, accents do not split a group),
    /// most asked first, then most recent.
    /// </summary>
    public static IReadOnlyList<UnansweredGroup> GroupUnanswered(IEnumerable<UnansweredQuestion> questions) =>
        [.. questions
            .GroupBy(q => TextNormalizer.Normalize(q.Text.Value), StringComparer.Ordinal)
            .Select(ToGroup)
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .ThenBy(g => g.Text, StringComparer.Ordinal)];

    /// <summary>Votes per entry, the entries with most "not helpful" first: those are the ones to look at.</summary>
    public static IReadOnlyList<EntryVotes> CountVotes(IEnumerable<FeedbackVote> votes) =>
        [.. votes
            .GroupBy(v => v.EntryId, StringComparer.Ordinal)
            .Select(g => new EntryVotes(g.Key, g.Count(v => v.Helpful), g.Count(v => !v.Helpful)))
            .OrderByDescending(e => e.NotHelpful)
            .ThenByDescending(e => e.Helpful)
            .ThenBy(e => e.EntryId, StringComparer.Ordinal)];

    private static UnansweredGroup ToGroup(IEnumerable<UnansweredQuestion> group)
    {
        var questions = group.ToList();
        var latest = questions.MaxBy(q => q.Day)!;
        var nearest = questions
            .Where(q => q.NearestEntryId is not null)
            .GroupBy(q => q.NearestEntryId!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(q => q.NearestScore ?? 0))
            .FirstOrDefault();
        return new UnansweredGroup(latest.Text.Value, questions.Count, nearest?.Key, nearest?.Max(q => q.NearestScore), latest.Day);
    }
}
