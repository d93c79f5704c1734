using System.Diagnostics;

namespace ProSpine.FaqBot.LoadTest.Reporting;

/// <summary>Response times, collected from many tasks at once. Percentiles are nearest-rank over every sample.</summary>
internal sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
                return milliseconds.Count;
        }
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void RecordSince(long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (gate)
            milliseconds.Add(elapsed);
    }

    /// <summary>The smallest time that <paramref name="percent"/> per cent of the samples do not exceed; NaN with none.</summary>
    public double Percentile(double percent)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0)
                return double.NaN;
            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
