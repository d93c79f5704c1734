using System.Net;
using System.Net.WebSockets;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.DirectLine;

/// <summary>The conversation stream (<c>streamUrl</c>) over a real WebSocket, as Web Chat uses it.</summary>
public sealed class DirectLineWebSocketTests(LiveBotServerFixture fixture) : IClassFixture<LiveBotServerFixture>
{
    /// <summary>An upper bound on waiting for a pushed frame; the tests never wait for time to pass.</summary>
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(15);

    private DirectLineClient Client => fixture.Server.Client;

    [Fact]
    public async Task The_stream_pushes_the_welcome_then_the_echo_and_the_sourced_answer_to_a_posted_message()
    {
        var conversation = await Client.StartAsync();
        using var socket = await DirectLineClient.ConnectAsync(conversation.StreamUrl!);
        using var timeout = new CancellationTokenSource(FrameTimeout);

        var welcome = await DirectLineClient.ReceiveAsync(socket, timeout.Token);
        var id = await Client.PostMessageAsync(conversation, "is a pain pump safe", "client-ws-1");
        var pushed = await ReceiveUntilAsync(socket, a => a.From.Role == RoleTypes.Bot && a.ReplyToId == id, timeout.Token);

        Assert.Contains("automated", Assert.Single(welcome!.Activities).Text, StringComparison.Ordinal);
        Assert.Equal("1", welcome.Watermark);
        var echo = Assert.Single(pushed, a => a.Id == id);
        Assert.Equal("client-ws-1", ((JObject)echo.ChannelData)["clientActivityID"]!.Value<string>());
        var answer = pushed[^1];
        Assert.Contains(FixtureFaq.SafetyAnswer, answer.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.Clinic, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_keep_alive_frames_from_the_client_are_ignored_and_the_stream_keeps_pushing()
    {
        var conversation = await Client.StartAsync();
        using var timeout = new CancellationTokenSource(FrameTimeout);
        using var socket = await ConnectPastWelcomeAsync(conversation, timeout.Token);

        for (var i = 0; i < 3; i++)
            await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var id = await Client.PostMessageAsync(conversation, "how long does a pain pump last", "client-ws-2");

        var pushed = await ReceiveUntilAsync(socket, a => a.ReplyToId == id, timeout.Token);
        Assert.Contains(FixtureFaq.LifespanAnswer, pushed[^1].Text, StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_stream_resumed_from_a_watermark_pushes_only_newer_activities()
    {
        var conversation = await Client.StartAsync();
        var resumed = await Client.ResumeAsync(conversation, "1");
        using var socket = await DirectLineClient.ConnectAsync(resumed.StreamUrl!);
        using var timeout = new CancellationTokenSource(FrameTimeout);

        var id = await Client.PostMessageAsync(conversation, "is a pain pump safe", "client-ws-3");

        var first = await DirectLineClient.ReceiveAsync(socket, timeout.Token);
        Assert.Equal(id, first!.Activities[0].Id);
    }

    [Fact]
    public async Task A_client_close_is_answered_with_a_normal_close()
    {
        var conversation = await Client.StartAsync();
        using var timeout = new CancellationTokenSource(FrameTimeout);
        using var socket = await ConnectPastWelcomeAsync(conversation, timeout.Token);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "page closed", timeout.Token);

        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task One_stream_more_than_allowed_per_conversation_gets_429()
    {
        var conversation = await Client.StartAsync();
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 4; i++)
                open.Add(await DirectLineClient.ConnectAsync(conversation.StreamUrl!));

            var status = await RefusedUpgradeAsync(conversation.StreamUrl!);

            Assert.Equal(HttpStatusCode.TooManyRequests, status);
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_stream_with_another_conversations_token_or_a_forged_token_is_refused()
    {
        var mine = await Client.StartAsync();
        var theirs = await Client.StartAsync();
        var theirUrlWithMyToken = theirs.StreamUrl!.Replace(theirs.Token, mine.Token, StringComparison.Ordinal);
        var theirUrlWithoutToken = theirs.StreamUrl![..theirs.StreamUrl!.IndexOf("?t=", StringComparison.Ordinal)];
        var theirUrlForged = theirs.StreamUrl!.Replace(theirs.Token, "garbage", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, await RefusedUpgradeAsync(theirUrlWithMyToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(theirUrlWithoutToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(theirUrlForged));
    }

    [Fact]
    public async Task A_plain_request_to_the_stream_url_gets_400()
    {
        var conversation = await Client.StartAsync();
        var streamUrl = new Uri(conversation.StreamUrl!.Replace("ws://", "http://", StringComparison.Ordinal));

        using var response = await fixture.Server.Http.GetAsync(streamUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <remarks>
    /// An open stream is a page still there (the server's pings would have closed a vanished one), so the idle
    /// timeout does not end its conversation: the token's expiry closes the stream, and Web Chat resumes.
    /// </remarks>
    [Fact]
    public async Task The_stream_outlives_the_idle_timeout_and_closes_when_the_token_expires()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:IdleTimeout"] = "00:20:00" });
        var conversation = await server.Client.StartAsync();
        using var timeout = new CancellationTokenSource(FrameTimeout);
        using var socket = await ConnectPastWelcomeAsync(conversation, timeout.Token);

        server.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await DirectLineClient.ReceiveAsync(socket, timeout.Token));
        Assert.Equal("token expired", socket.CloseStatusDescription);
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedUpgradeAsync(conversation.StreamUrl!));
    }

    /// <summary>Opens the conversation's stream and reads the first frame (the welcome).</summary>
    private static async Task<ClientWebSocket> ConnectPastWelcomeAsync(ConversationGrant conversation, CancellationToken cancellationToken)
    {
        var socket = await DirectLineClient.ConnectAsync(conversation.StreamUrl!);
        Assert.NotNull(await DirectLineClient.ReceiveAsync(socket, cancellationToken));
        return socket;
    }

    /// <summary>Frames until one holds an activity matching <paramref name="last"/>; returns their activities in order.</summary>
    private static async Task<List<Activity>> ReceiveUntilAsync(ClientWebSocket socket, Func<Activity, bool> last, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        while (!activities.Any(last))
        {
            var set = await DirectLineClient.ReceiveAsync(socket, cancellationToken);
            Assert.NotNull(set);
            activities.AddRange(set.Activities);
        }
        return activities;
    }

    private static async Task<HttpStatusCode> RefusedUpgradeAsync(string streamUrl)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None));
        return socket.HttpStatusCode;
    }
}
