namespace ProSpine.FaqBot.LoadTest.Reporting;

/// <summary>Failures counted by reason ("HTTP 500", "timeout"), from many tasks at once.</summary>
internal sealed class ErrorTally
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Add(string reason)
    {
        lock (gate)
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        lock (gate)
            return new Dictionary<string, long>(counts, StringComparer.Ordinal);
    }

    /// <summary>"none", or "3 (HTTP 500 2, timeout 1)".</summary>
    public static string Describe(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "none" : $"{errors.Values.Sum()} ({string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}"))})";
}
