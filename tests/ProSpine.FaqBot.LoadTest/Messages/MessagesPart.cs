using System.Globalization;
using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>
/// <c>/api/messages</c>: the echo bot (the SDK pipeline's ceiling), then the FAQ bot, each alone on the machine in its
/// own process, with the same client settings. Passes with no error at all and the FAQ bot at
/// <see cref="MinThroughputRatio"/> of the echo bot's requests per second or more.
/// </summary>
internal static class MessagesPart
{
    public const double MinThroughputRatio = 0.8;

    public static async Task<bool> RunAsync(LoadContext context, MessagesSettings settings, Uri? echoUrl, bool echoWithoutSignIn)
    {
        var output = context.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== POST /api/messages, expectReplies: {settings.Conversations} concurrent conversations; per server {settings.Warmup.TotalSeconds:F0} s warm-up, then {settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s, taking turns (echo, faq, faq, echo, ...)"));
        output.WriteLine($"   questions: the labelled set, {context.Questions.Count} in a fixed order ({context.Questions.Describe()})");
        var load = new MessagesLoad(context.Http, context.Questions, settings);

        await using var echoServer = await context.Servers.StartEchoAsync(echoUrl, echoWithoutSignIn);
        await using var faqServer = await context.Servers.StartBotAsync();
        var echo = new ServerTally(echoServer.Name);
        var faq = new ServerTally(faqServer.Name);
        await load.WarmUpAsync(echoServer);
        await load.WarmUpAsync(faqServer);
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternating order (ABBA): a load elsewhere on the machine that rises or falls meanwhile hits both alike.
            var order = round % 2 == 0 ? new[] { (echoServer, echo), (faqServer, faq) } : [(faqServer, faq), (echoServer, echo)];
            foreach (var (server, tally) in order)
                await load.MeasureAsync(server, tally);
        }

        var table = new Table("server", "requests", "errors", "req/s", "p50 ms", "p99 ms", "server CPU µs/req");
        foreach (var result in new[] { echo, faq })
            table.Add(result.Server, result.Requests, result.ErrorCount, result.RequestsPerSecond, result.Latencies.Percentile(50),
                result.Latencies.Percentile(99), result.CpuMicrosecondsPerRequest);
        output.Write(table);
        var ratio = faq.RequestsPerSecond / echo.RequestsPerSecond;
        var passed = echo.ErrorCount == 0 && faq.ErrorCount == 0 && ratio >= MinThroughputRatio;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FAQ/echo throughput: {ratio:P1} (target {MinThroughputRatio:P0}); errors: echo {ErrorTally.Describe(echo.Errors.Snapshot())}, faq {ErrorTally.Describe(faq.Errors.Snapshot())}"));
        output.WriteLine(passed ? "messages: PASS" : "messages: FAIL");
        output.WriteLine();
        return passed;
    }
}
