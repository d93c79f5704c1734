using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ProSpine.FaqBot.LoadTest.DirectLine;
using ProSpine.FaqBot.LoadTest.Reporting;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest.Churn;

/// <summary>How <see cref="ChurnPart"/> runs.</summary>
/// <param name="Conversations">Conversations started (token, then start) and never used again.</param>
/// <param name="Concurrency">Clients starting them at once.</param>
/// <param name="IdleTimeout">The bot's <c>DirectLine:IdleTimeout</c>; one minute is the least it accepts.</param>
internal sealed record ChurnSettings(int Conversations, int Concurrency, TimeSpan IdleTimeout);

/// <summary>
/// Abandoned conversations: a bot of its own (it reads the process's memory and sets the idle timeout, with a
/// conversation cap above the count so that expiry, not eviction, frees them) gets thousands of conversations that
/// are started and never used again. Resident memory is read before, at the peak, once the bot's sweep reports no
/// live conversation, and after a full collection; the managed heap's size is read after a full collection at the
/// baseline, at the peak and at the end. It passes with no refused call and the managed heap back within
/// <see cref="NearBaseline"/> of the baseline: the heap is what abandoned conversations would hold on to, while
/// resident memory also counts what the runtime keeps for reuse, which varies by several MB from run to run.
/// </summary>
internal static partial class ChurnPart
{
    /// <summary>Started before the baseline, so that it counts code and pools warmed up, not a cold process.</summary>
    private const int WarmupConversations = 200;

    private const double NearBaseline = 0.10;

    public static async Task<bool> RunAsync(LoadContext context, ChurnSettings settings)
    {
        var output = context.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== Churn: {settings.Conversations:N0} conversations started (token + start) by {settings.Concurrency} clients and abandoned; DirectLine:IdleTimeout {settings.IdleTimeout}"));
        var botSettings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DirectLine__IdleTimeout"] = settings.IdleTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["DirectLine__MaxConversations"] = (2 * (settings.Conversations + WarmupConversations)).ToString(CultureInfo.InvariantCulture),
        };
        await using var server = await context.Servers.StartOwnBotAsync(botSettings);
        var processId = server.ProcessId!.Value;
        var api = new DirectLineApi(context.Http, server.Url, TimeSpan.FromSeconds(30));
        var errors = new ErrorTally();
        long Resident() => server.ResidentBytes() ?? throw new InvalidOperationException($"Cannot read the memory of process {processId}.");
        var memory = new Table("stage", "RSS MB", "GC heap MB", "live conversations");
        memory.Add("ready", Megabytes(Resident()), double.NaN, 0);

        await StartAbandonedAsync(api, WarmupConversations, settings.Concurrency, errors);
        var baselineHeap = await FullCollection.InduceAsync(processId);
        var baseline = Resident();
        memory.Add($"baseline: {WarmupConversations} started, full GC", Megabytes(baseline), Megabytes(baselineHeap), WarmupConversations);

        var churn = Stopwatch.StartNew();
        await StartAbandonedAsync(api, settings.Conversations, settings.Concurrency, errors);
        var startRate = settings.Conversations / churn.Elapsed.TotalSeconds;
        // Resident memory before the collection (the peak), the heap after it (what the live conversations hold).
        var peak = Resident();
        var peakHeap = await FullCollection.InduceAsync(processId);
        memory.Add($"peak: {settings.Conversations:N0} more started, full GC", Megabytes(peak), Megabytes(peakHeap), WarmupConversations + settings.Conversations);

        var (discarded, waited) = await WaitUntilAllDiscardedAsync(server, settings.IdleTimeout);
        memory.Add("all expired and swept", Megabytes(Resident()), double.NaN, 0);
        var afterHeap = await FullCollection.InduceAsync(processId);
        var after = Resident();
        memory.Add("then a full GC", Megabytes(after), Megabytes(afterHeap), 0);

        output.Write(memory);
        var heapGrowth = (double)(afterHeap - baselineHeap) / baselineHeap;
        var residentGrowth = (double)(after - baseline) / baseline;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"started {startRate:N0} conversations/s; the sweep discarded {discarded:N0}, the last {waited.TotalSeconds:F0} s after the churn; errors: {ErrorTally.Describe(errors.Snapshot())}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after expiry and a full GC, against the baseline: GC heap {heapGrowth:+0.0%;-0.0%} (target within {NearBaseline:P0}), RSS {residentGrowth:+0.0%;-0.0%}"));
        var passed = errors.Snapshot().Count == 0 && heapGrowth <= NearBaseline;
        output.WriteLine(passed ? "churn: PASS" : "churn: FAIL");
        output.WriteLine();
        return passed;
    }

    private static async Task StartAbandonedAsync(DirectLineApi api, int count, int concurrency, ErrorTally errors)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                try
                {
                    await api.StartAsync("churn-user");
                }
                catch (LoadFailure failure)
                {
                    errors.Add(failure.Reason);
                }
            }
        })));
    }

    /// <summary>
    /// Follows the bot's sweep log ("Discarded N idle Direct Line conversations; M live") until none is live; returns
    /// how many it discarded and how long that took. The sweep runs every quarter of the idle timeout.
    /// </summary>
    private static async Task<(int Discarded, TimeSpan Waited)> WaitUntilAllDiscardedAsync(ServerProcess server, TimeSpan idleTimeout)
    {
        var clock = Stopwatch.StartNew();
        var deadline = idleTimeout + idleTimeout / 2 + TimeSpan.FromSeconds(30);
        var discarded = 0;
        while (true)
        {
            var line = await server.WaitForOutputAsync(SweepLine(), deadline - clock.Elapsed);
            discarded += int.Parse(line.Groups["discarded"].Value, CultureInfo.InvariantCulture);
            if (line.Groups["live"].Value == "0")
                return (discarded, clock.Elapsed);
        }
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    [GeneratedRegex(@"Discarded (?<discarded>\d+) idle Direct Line conversations; (?<live>\d+) live")]
    private static partial Regex SweepLine();
}
