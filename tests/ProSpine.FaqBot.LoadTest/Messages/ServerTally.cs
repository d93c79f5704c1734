using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>What one server did over its measured rounds: every request, the failed ones by reason, time and CPU.</summary>
internal sealed class ServerTally(string server)
{
    public string Server { get; } = server;

    public Latencies Latencies { get; } = new();

    public ErrorTally Errors { get; } = new();

    /// <summary>Wall-clock time of the measured rounds.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>CPU time the server process used in those rounds; null for a server this tool did not start.</summary>
    public TimeSpan? ServerCpu { get; private set; } = TimeSpan.Zero;

    public long Requests => Latencies.Count;

    public long ErrorCount => Errors.Snapshot().Values.Sum();

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per request in microseconds: less sensitive than throughput to other work on the machine.</summary>
    public double CpuMicrosecondsPerRequest => ServerCpu is { } cpu && Requests > 0 ? cpu.TotalMicroseconds / Requests : double.NaN;

    public void AddRound(TimeSpan elapsed, TimeSpan? serverCpu)
    {
        Elapsed += elapsed;
        ServerCpu += serverCpu;
    }
}
