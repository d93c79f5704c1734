using Microsoft.Extensions.DependencyInjection;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Telemetry;

/// <summary>Operational metrics reach an OpenTelemetry collector as counts and durations, never as what anyone typed.</summary>
public sealed class MetricsExportTests
{
    private const string Marker = "zebracorn";

    [Fact]
    public async Task With_an_endpoint_replies_by_route_and_website_conversations_reach_the_collector_without_any_text()
    {
        await using var collector = await OtlpCollectorStub.StartAsync();
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpMetricsEndpoint"] = collector.MetricsEndpoint.AbsoluteUri,
            ["Telemetry:ExportInterval"] = "00:00:01",
        });
        using var client = factory.CreateClient();
        var webChat = new DirectLineClient(factory.CreateClient());

        await Activities.PostExpectingRepliesAsync(client, Activities.Message("how long does the pump last"));
        await Activities.PostExpectingRepliesAsync(client, Activities.Message($"my husband {Marker} is not breathing"));
        await Activities.PostExpectingRepliesAsync(client, Activities.Message($"what is the wifi password at {Marker}"));
        await webChat.StartAsync(userId: "user-" + Marker);

        var export = await collector.WaitForAsync(TimeSpan.FromSeconds(30),
            "faqbot.replies", "faqbot.reply.duration", "faqbot.directline.conversations", "answer", "emergency", "not_covered", "emulator");
        Assert.DoesNotContain(Marker, export, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("user-", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_endpoint_the_counts_are_still_there_for_an_in_process_listener()
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var routes = new System.Collections.Concurrent.ConcurrentBag<string>();
        // Only this host's meter: other tests' bots run in parallel in this process.
        var meters = factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == FaqBot.Telemetry.BotMetrics.MeterName && instrument.Name == "faqbot.replies")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "route")
                    routes.Add((string)tag.Value!);
            }
        });
        listener.Start();

        await Activities.PostExpectingRepliesAsync(client, Activities.Message("I want to end my life"));
        await Activities.PostExpectingRepliesAsync(client, Activities.Message("how long does the pump last"));

        Assert.Contains("crisis", routes);
        Assert.Contains("answer", routes);
    }
}
