using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace ProSpine.FaqBot.LoadTest.Churn;

/// <summary>
/// Makes another .NET process run a full, blocking garbage collection through the runtime's diagnostics port, as
/// dotnet-gcdump does: opening an EventPipe session with the runtime provider's GCHeapCollect keyword induces one.
/// No endpoint of the bot is involved; the port is on in every .NET process unless DOTNET_EnableDiagnostics=0.
/// </summary>
internal static class FullCollection
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcHeapCollectKeyword = 0x800000;

    public static void Induce(int processId)
    {
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GcHeapCollectKeyword), requestRundown: false);
        session.Stop();
    }
}
