using System.Globalization;
using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>
/// <c>/api/messages</c> against the raw encoder: the SDK pipeline whose turn only encodes the message with the same
/// sentence model and echoes it (<see cref="Servers.EchoServer"/> with <c>--encode</c>). Every message the bot
/// answers is read by that model, so the encoder is the floor and the target is to add little on top of it. Each
/// server runs alone on the machine, in its own process, with the same client settings. Passes with no error at all,
/// the FAQ bot at <see cref="MinMessagesPerSecond"/> or more and at <see cref="MinThroughputRatio"/> of the encoder's
/// rate, a 95th percentile under <see cref="MaxPacedP95Milliseconds"/> at the offered rate, and ready within
/// <see cref="MaxStartup"/>.
/// </summary>
internal static class MessagesPart
{
    public const double MinThroughputRatio = 0.75;
    public const double MinMessagesPerSecond = 300;
    public const double MaxPacedP95Milliseconds = 30;
    public static readonly TimeSpan MaxStartup = TimeSpan.FromSeconds(5);

    public static async Task<bool> RunAsync(LoadContext context, MessagesSettings settings, Uri? baselineUrl)
    {
        var output = context.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== POST /api/messages, expectReplies: {settings.Conversations} concurrent conversations; per server {settings.Warmup.TotalSeconds:F0} s warm-up, then {settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s, taking turns (encoder, faq, faq, encoder, ...); then {settings.OfferedRate} messages/s on a fixed schedule for {settings.Duration.TotalSeconds:F0} s each"));
        output.WriteLine($"   questions: the labelled set, {context.Questions.Count} in a fixed order ({context.Questions.Describe()}), each made unique by a number");
        var load = new MessagesLoad(context.Http, context.Questions, settings);

        await using var encoderServer = await context.Servers.StartEncoderAsync(baselineUrl);
        await using var faqServer = await context.Servers.StartBotAsync();
        var encoder = new ServerTally(encoderServer.Name);
        var faq = new ServerTally(faqServer.Name);
        await load.WarmUpAsync(encoderServer);
        await load.WarmUpAsync(faqServer);
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternating order (ABBA): a load elsewhere on the machine that rises or falls meanwhile hits both alike.
            var order = round % 2 == 0 ? new[] { (encoderServer, encoder), (faqServer, faq) } : [(faqServer, faq), (encoderServer, encoder)];
            foreach (var (server, tally) in order)
                await load.MeasureAsync(server, tally);
        }
        var encoderPaced = new ServerTally(encoderServer.Name);
        var faqPaced = new ServerTally(faqServer.Name);
        await load.MeasurePacedAsync(encoderServer, encoderPaced);
        await load.MeasurePacedAsync(faqServer, faqPaced);

        var table = new Table("server", "requests", "errors", "req/s", "p50 ms", "p99 ms", "server CPU µs/req");
        foreach (var result in new[] { encoder, faq })
            table.Add(result.Server, result.Requests, result.ErrorCount, result.RequestsPerSecond, result.Latencies.Percentile(50),
                result.Latencies.Percentile(99), result.CpuMicrosecondsPerRequest);
        output.Write(table);
        var paced = new Table("server", "offered/s", "requests", "errors", "p50 ms", "p95 ms", "p99 ms");
        foreach (var result in new[] { encoderPaced, faqPaced })
            paced.Add(result.Server, settings.OfferedRate, result.Requests, result.ErrorCount, result.Latencies.Percentile(50),
                result.Latencies.Percentile(95), result.Latencies.Percentile(99));
        output.Write(paced);

        var ratio = faq.RequestsPerSecond / encoder.RequestsPerSecond;
        var p95 = faqPaced.Latencies.Percentile(95);
        var errors = encoder.ErrorCount + faq.ErrorCount + encoderPaced.ErrorCount + faqPaced.ErrorCount;
        var startup = faqServer.ReadyAfter;
        var passed = errors == 0 && ratio >= MinThroughputRatio && faq.RequestsPerSecond >= MinMessagesPerSecond
            && p95 < MaxPacedP95Milliseconds && (startup is null || startup <= MaxStartup);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FAQ bot: {faq.RequestsPerSecond:F0} messages/s (target {MinMessagesPerSecond:F0}), {ratio:P1} of the raw encoder's (target {MinThroughputRatio:P0}); p95 at {settings.OfferedRate}/s {p95:F1} ms (target under {MaxPacedP95Milliseconds:F0}); ready after {(startup is { } s ? $"{s.TotalSeconds:F1} s" : "-")} (target {MaxStartup.TotalSeconds:F0} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"errors: encoder {ErrorTally.Describe(encoder.Errors.Snapshot())}, faq {ErrorTally.Describe(faq.Errors.Snapshot())}, paced {ErrorTally.Describe(encoderPaced.Errors.Snapshot())} / {ErrorTally.Describe(faqPaced.Errors.Snapshot())}"));
        output.WriteLine(passed ? "messages: PASS" : "messages: FAIL");
        output.WriteLine();
        return passed;
    }
}
