using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Hosting;

public sealed class FaultToleranceTests
{
    [Fact]
    public async Task A_hanging_channel_costs_one_timeout_and_is_logged_not_a_hung_request()
    {
        await using var channel = await ChannelStub.StartAsync(delay: Timeout.InfiniteTimeSpan);
        var logs = new FakeLogCollector();
        await using var factory = new LoggedBot(logs, new Dictionary<string, string?> { ["Messages:OutboundTimeout"] = "00:00:01" });
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            Activities.Json(Activities.Message("how long does the pump last", serviceUrl: channel.Url, expectReplies: false)));

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Assert.Contains(logs.GetSnapshot(), record => record.Level == LogLevel.Error && record.Message.Contains("Turn failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutting_down_finishes_the_turn_in_flight()
    {
        await using var channel = await ChannelStub.StartAsync(delay: TimeSpan.FromMilliseconds(500));
        await using var server = LiveBotServer.Start();
        var client = server.Http;
        var message = Activities.Message("is a pain pump safe", serviceUrl: channel.Url, expectReplies: false);

        var inFlight = client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(message));
        await channel.FirstArrival.Task;
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FixtureFaq.SafetyAnswer, Assert.Single(channel.Received).Activity.Text, StringComparison.Ordinal);
    }
}
