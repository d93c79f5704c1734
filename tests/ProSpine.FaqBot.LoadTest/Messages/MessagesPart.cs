using System.Globalization;
using ProSpine.FaqBot.LoadTest.Reporting;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>
/// <c>/api/messages</c> against the raw encoder: the SDK pipeline whose turn only encodes the message with the same
/// sentence model and echoes it (<see cref="Servers.EchoServer"/> with <c>--encode</c>). Every message the bot
/// answers is read by that model, so the encoder is the floor and the target is to add little on top of it. The bot's
/// share is taken of its own encoder's rate, the stricter floor; the package's slower inference of the same model
/// (<see cref="Core.Semantics.PackageSentenceEncoder"/>), which #11 first measured, is reported beside it when the tool
/// starts the servers itself. Each server runs alone on the machine, in its own process, with the same client
/// settings. Passes with no error at all,
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
            $"== POST /api/messages, expectReplies: {settings.Conversations} concurrent conversations; per server {settings.Warmup.TotalSeconds:F0} s warm-up, then {settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s, taking turns (encoder, package encoder, faq, faq, package encoder, encoder, ...); then {settings.OfferedRate} messages/s on a fixed schedule for {settings.Duration.TotalSeconds:F0} s each"));
        output.WriteLine($"   questions: the labelled set, {context.Questions.Count} in a fixed order ({context.Questions.Describe()}), each made unique by a number");
        var load = new MessagesLoad(context.Http, context.Questions, settings);

        await using var encoderServer = await context.Servers.StartEncoderAsync(baselineUrl);
        await using var packageServer = baselineUrl is null ? await context.Servers.StartPackageEncoderAsync() : null;
        await using var faqServer = await context.Servers.StartBotAsync();
        var encoder = new ServerTally(encoderServer.Name);
        var faq = new ServerTally(faqServer.Name);
        List<(ServerProcess Server, ServerTally Tally)> servers = [(encoderServer, encoder)];
        ServerTally? package = null;
        if (packageServer is not null)
            servers.Add((packageServer, package = new ServerTally(packageServer.Name)));
        servers.Add((faqServer, faq));
        foreach (var (server, _) in servers)
            await load.WarmUpAsync(server);
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternating order (ABBA): a load elsewhere on the machine that rises or falls meanwhile hits all alike.
            foreach (var (server, tally) in round % 2 == 0 ? servers : Enumerable.Reverse(servers))
                await load.MeasureAsync(server, tally);
        }
        var encoderPaced = new ServerTally(encoderServer.Name);
        var faqPaced = new ServerTally(faqServer.Name);
        await load.MeasurePacedAsync(encoderServer, encoderPaced);
        await load.MeasurePacedAsync(faqServer, faqPaced);

        var table = new Table("server", "requests", "errors", "req/s", "p50 ms", "p99 ms", "server CPU µs/req");
        foreach (var (_, result) in servers)
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
        var errors = encoder.ErrorCount + (package?.ErrorCount ?? 0) + faq.ErrorCount + encoderPaced.ErrorCount + faqPaced.ErrorCount;
        var startup = faqServer.ReadyAfter;
        var passed = errors == 0 && ratio >= MinThroughputRatio && faq.RequestsPerSecond >= MinMessagesPerSecond
            && p95 < MaxPacedP95Milliseconds && (startup is null || startup <= MaxStartup);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FAQ bot: {faq.RequestsPerSecond:F0} messages/s (target {MinMessagesPerSecond:F0}), {ratio:P1} of the raw encoder's (target {MinThroughputRatio:P0}){(package is null ? "" : $", {faq.RequestsPerSecond / package.RequestsPerSecond:P1} of the package encoder's")}; p95 at {settings.OfferedRate}/s {p95:F1} ms (target under {MaxPacedP95Milliseconds:F0}); ready after {(startup is { } s ? $"{s.TotalSeconds:F1} s" : "-")} (target {MaxStartup.TotalSeconds:F0} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"errors: encoder {ErrorTally.Describe(encoder.Errors.Snapshot())}{(package is null ? "" : $", package encoder {ErrorTally.Describe(package.Errors.Snapshot())}")}, faq {ErrorTally.Describe(faq.Errors.Snapshot())}, paced {ErrorTally.Describe(encoderPaced.Errors.Snapshot())} / {ErrorTally.Describe(faqPaced.Errors.Snapshot())}"));
        output.WriteLine(passed ? "messages: PASS" : "messages: FAIL");
        output.WriteLine();
        return passed;
    }
}
