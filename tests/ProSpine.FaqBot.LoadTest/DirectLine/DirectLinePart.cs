using System.Globalization;
using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>
/// The embedded Direct Line endpoint under many concurrent Web Chat clients. Passes when every conversation was
/// welcomed and every message answered exactly once, in order, with nothing lost, repeated or unexpected, and no
/// call refused.
/// </summary>
internal static class DirectLinePart
{
    public static async Task<bool> RunAsync(LoadContext context, DirectLineSettings settings)
    {
        var output = context.Out;
        var transport = settings.PollInterval is { } interval
            ? string.Create(CultureInfo.InvariantCulture, $"polling every {interval.TotalMilliseconds:F0} ms")
            : "WebSocket stream";
        output.WriteLine($"== Embedded Direct Line: {settings.Conversations} concurrent conversations, {settings.MessagesEach} messages each, {transport}");

        DirectLineResult result;
        await using (var server = await context.Servers.StartBotAsync())
            result = await new DirectLineLoad(new DirectLineApi(context.Http, server.Url, settings.ReplyTimeout), context.Questions, settings).RunAsync();

        output.Write(new Table("conversations", "welcomed", "messages", "answered once", "lost", "duplicated", "out of order")
            .Add(result.Conversations, result.Welcomed, result.Messages, result.AnsweredOnce, result.Lost, result.Duplicated, result.OutOfOrder));
        output.Write(new Table("repeated ids", "unexpected", "received != stored", "errors", "messages/s", "reply p50 ms", "reply p99 ms")
            .Add(result.RepeatedIds, result.Unexpected, result.StoredMismatch, result.Errors.Values.Sum(), result.Messages / result.Elapsed.TotalSeconds, result.P50, result.P99));
        if (result.Errors.Count > 0)
            output.WriteLine($"errors: {ErrorTally.Describe(result.Errors)}");
        output.WriteLine(result.Clean ? "directline: PASS" : "directline: FAIL");
        output.WriteLine();
        return result.Clean;
    }
}
