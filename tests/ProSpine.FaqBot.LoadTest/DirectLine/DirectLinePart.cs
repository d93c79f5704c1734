using System.Globalization;
using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>
/// The embedded Direct Line endpoint under many concurrent Web Chat clients. Passes when every conversation was
/// welcomed and every message answered exactly once, in order, with nothing lost, repeated or unexpected, no call
/// refused, and the bot's resident memory under <see cref="MaxResidentBytes"/> throughout (the sentence model alone
/// holds about 300 MB).
/// </summary>
internal static class DirectLinePart
{
    public const long MaxResidentBytes = 700L * 1024 * 1024;

    public static async Task<bool> RunAsync(LoadContext context, DirectLineSettings settings)
    {
        var output = context.Out;
        var transport = settings.PollInterval is { } interval
            ? string.Create(CultureInfo.InvariantCulture, $"polling every {interval.TotalMilliseconds:F0} ms")
            : "WebSocket stream";
        output.WriteLine($"== Embedded Direct Line: {settings.Conversations} concurrent conversations, {settings.MessagesEach} messages each, {transport}");

        DirectLineResult result;
        long? peakResident = null;
        await using (var server = await context.Servers.StartBotAsync())
        {
            using var done = new CancellationTokenSource();
            var sampling = Task.Run(async () =>
            {
                // Every 100 ms while the load runs: the highest resident memory the bot reached.
                while (!done.IsCancellationRequested)
                {
                    if (server.ResidentBytes() is { } bytes)
                        peakResident = Math.Max(peakResident ?? 0, bytes);
                    await Task.Delay(100, CancellationToken.None);
                }
            });
            result = await new DirectLineLoad(new DirectLineApi(context.Http, server.Url, settings.ReplyTimeout), context.Questions, settings).RunAsync();
            await done.CancelAsync();
            await sampling;
        }

        output.Write(new Table("conversations", "welcomed", "messages", "answered once", "lost", "duplicated", "out of order")
            .Add(result.Conversations, result.Welcomed, result.Messages, result.AnsweredOnce, result.Lost, result.Duplicated, result.OutOfOrder));
        output.Write(new Table("repeated ids", "unexpected", "received != stored", "errors", "messages/s", "reply p50 ms", "reply p99 ms")
            .Add(result.RepeatedIds, result.Unexpected, result.StoredMismatch, result.Errors.Values.Sum(), result.Messages / result.Elapsed.TotalSeconds, result.P50, result.P99));
        if (result.Errors.Count > 0)
            output.WriteLine($"errors: {ErrorTally.Describe(result.Errors)}");
        output.WriteLine(peakResident is { } peak
            ? string.Create(CultureInfo.InvariantCulture, $"bot resident memory at its highest: {peak / 1024.0 / 1024.0:F0} MB (target under {MaxResidentBytes / 1024 / 1024} MB)")
            : "bot resident memory: not readable (a bot this tool did not start)");
        var passed = result.Clean && (peakResident is null || peakResident < MaxResidentBytes);
        output.WriteLine(passed ? "directline: PASS" : "directline: FAIL");
        output.WriteLine();
        return passed;
    }
}
