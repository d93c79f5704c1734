using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ProSpine.FaqBot.LoadTest.Churn;

/// <summary>
/// Makes another .NET process run a full, blocking garbage collection through the runtime's diagnostics port, as
/// dotnet-gcdump does (an EventPipe session with the runtime provider's GCHeapCollect keyword induces one), and
/// reads the size of its managed heap after that collection from the same session's GC events. No endpoint of the
/// bot is involved; the port is on in every .NET process unless <c>DOTNET_EnableDiagnostics=0</c>.
/// </summary>
internal static class FullCollection
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Collects, then returns the managed heap's size in bytes (all generations, after the collection).</summary>
    public static async Task<long> InduceAsync(int processId)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = new DiagnosticsClient(processId).StartEventPipeSession(
            new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords), requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heapAfter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        source.Clr.GCStart += gc => induced |= gc.Reason == GCReason.Induced;
        // Each collection ends with its heap statistics; the first after the induced start is the induced one's.
        source.Clr.GCHeapStats += stats =>
        {
            if (induced)
                heapAfter.TrySetResult(stats.TotalHeapSize);
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await heapAfter.Task.WaitAsync(Timeout);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }
}
