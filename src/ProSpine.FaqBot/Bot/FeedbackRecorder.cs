using System.Collections.Concurrent;

namespace ProSpine.FaqBot.Bot;

/// <summary>Counts "Helpful / Not helpful" votes per FAQ entry. Stores no text and no identifiers.</summary>
public interface IFeedbackRecorder
{
    void Record(string entryId, bool helpful);

    (int Helpful, int NotHelpful) Votes(string entryId);
}

/// <summary>Votes kept in memory until the process ends.</summary>
public sealed class InMemoryFeedbackRecorder : IFeedbackRecorder
{
    private readonly ConcurrentDictionary<string, (int Helpful, int NotHelpful)> votes = new(StringComparer.Ordinal);

    public void Record(string entryId, bool helpful) =>
        votes.AddOrUpdate(entryId, helpful ? (1, 0) : (0, 1), (_, v) => helpful ? (v.Helpful + 1, v.NotHelpful) : (v.Helpful, v.NotHelpful + 1));

    public (int Helpful, int NotHelpful) Votes(string entryId) => votes.GetValueOrDefault(entryId);
}
