using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.DirectLine;

/// <summary>The embedded Direct Line endpoint over real HTTP, called the way Web Chat calls it (polling mode).</summary>
public sealed class DirectLineEndpointsTests(LiveBotServerFixture fixture) : IClassFixture<LiveBotServerFixture>
{
    private const string LifespanQuestion = "How long does an intrathecal pump last?";

    private LiveBotServer Server => fixture.Server;

    private DirectLineClient Client => fixture.Server.Client;

    [Fact]
    public async Task The_token_endpoint_returns_a_token_and_this_servers_direct_line_base_url()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, DirectLineClient.TokenPath, token: null);
        var grant = await Client.GetTokenAsync();

        Assert.Equal(new Uri(Server.BaseAddress, "/v3/directline").AbsoluteUri, grant.Domain);
        Assert.NotEmpty(grant.Token);
        Assert.NotEmpty(grant.ConversationId);
        Assert.Equal(1800, grant.ExpiresIn);
        Assert.True(response.Headers.CacheControl?.NoStore, "a token response must not be cached");
    }

    [Fact]
    public async Task Starting_a_conversation_answers_a_stream_url_and_the_first_poll_shows_the_welcome()
    {
        var conversation = await Client.StartAsync();

        Assert.StartsWith($"ws://{Server.BaseAddress.Authority}/v3/directline/conversations/{conversation.ConversationId}/stream?t=",
            conversation.StreamUrl, StringComparison.Ordinal);
        var set = await Client.GetActivitiesAsync(conversation);
        var welcome = Assert.Single(set.Activities);
        Assert.Contains("automated", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.Phone, welcome.Text, StringComparison.Ordinal);
        Assert.Equal($"{conversation.ConversationId}|0000000", welcome.Id);
        Assert.Equal(RoleTypes.Bot, welcome.From.Role);
        Assert.Equal("dl_visitor", welcome.Recipient.Id);
        Assert.Equal("1", set.Watermark);
    }

    [Fact]
    public async Task Starting_again_with_the_same_token_returns_the_live_conversation_without_a_second_welcome()
    {
        var grant = await Client.GetTokenAsync();

        using var first = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token, "{}");
        using var second = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var set = await Client.GetActivitiesAsync(new ConversationGrant(grant.ConversationId, grant.Token, 0, null));
        Assert.Single(set.Activities);
    }

    [Fact]
    public async Task A_posted_message_comes_back_with_an_id_and_its_clientActivityID_followed_by_the_sourced_answer()
    {
        var conversation = await Client.StartAsync();

        var id = await Client.PostMessageAsync(conversation, LifespanQuestion, "client-activity-1");

        var set = await Client.GetActivitiesAsync(conversation, "1");
        Assert.Equal("3", set.Watermark);
        Assert.Collection(set.Activities,
            echo =>
            {
                Assert.Equal(id, echo.Id);
                Assert.Equal($"{conversation.ConversationId}|0000001", echo.Id);
                Assert.Equal("client-activity-1", ((JObject)echo.ChannelData)["clientActivityID"]!.Value<string>());
                Assert.Equal(LifespanQuestion, echo.Text);
                Assert.Equal(("dl_visitor", RoleTypes.User), (echo.From.Id, echo.From.Role));
                Assert.NotNull(echo.Timestamp);
            },
            answer =>
            {
                Assert.Equal($"{conversation.ConversationId}|0000002", answer.Id);
                Assert.Contains(FixtureFaq.LifespanAnswer, answer.Text, StringComparison.Ordinal);
                Assert.Contains(FixtureFaq.Clinic, answer.Text, StringComparison.Ordinal);
                Assert.Equal(id, answer.ReplyToId);
                Assert.Equal(RoleTypes.Bot, answer.From.Role);
                Assert.NotNull(answer.Timestamp);
            });
    }

    [Fact]
    public async Task An_emergency_posted_on_the_website_chat_is_routed_to_911()
    {
        var conversation = await Client.StartAsync();

        await Client.PostMessageAsync(conversation, "he is not breathing and the pump is beeping", "client-activity-2");

        var answer = (await Client.GetActivitiesAsync(conversation, "2")).Activities.Single();
        Assert.StartsWith("**Call 911 now.**", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_with_the_returned_watermark_returns_only_newer_activities()
    {
        var conversation = await Client.StartAsync();
        var first = await Client.GetActivitiesAsync(conversation);

        var nothingNew = await Client.GetActivitiesAsync(conversation, first.Watermark);
        await Client.PostMessageAsync(conversation, LifespanQuestion, "client-activity-3");
        var exchange = await Client.GetActivitiesAsync(conversation, nothingNew.Watermark);
        var afterExchange = await Client.GetActivitiesAsync(conversation, exchange.Watermark);

        Assert.Empty(nothingNew.Activities);
        Assert.Equal("1", nothingNew.Watermark);
        Assert.Equal(2, exchange.Activities.Count);
        Assert.Empty(afterExchange.Activities);
        Assert.Equal("3", afterExchange.Watermark);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999")]
    [InlineData("99999999999999999999999")]
    public async Task A_bad_watermark_reads_from_the_start_instead_of_failing(string watermark)
    {
        var conversation = await Client.StartAsync();

        var set = await Client.GetActivitiesAsync(conversation, Uri.EscapeDataString(watermark));

        Assert.Single(set.Activities);
        Assert.Equal("1", set.Watermark);
    }

    [Fact]
    public async Task Resuming_returns_the_conversation_a_working_token_and_a_stream_url_from_the_watermark()
    {
        var conversation = await Client.StartAsync();

        var resumed = await Client.ResumeAsync(conversation, "1");

        Assert.Equal(conversation.ConversationId, resumed.ConversationId);
        Assert.Contains("/stream?watermark=1&t=", resumed.StreamUrl, StringComparison.Ordinal);
        Assert.Single((await Client.GetActivitiesAsync(resumed)).Activities);
    }

    [Fact]
    public async Task A_refreshed_token_is_for_the_same_conversation_and_works()
    {
        var conversation = await Client.StartAsync();
        Server.Time.Advance(TimeSpan.FromMinutes(1));

        var refreshed = await Client.RefreshAsync(conversation.Token);

        Assert.Equal(conversation.ConversationId, refreshed.ConversationId);
        Assert.NotEqual(conversation.Token, refreshed.Token);
        Assert.Equal(1800, refreshed.ExpiresIn);
        Assert.Single((await Client.GetActivitiesAsync(conversation with { Token = refreshed.Token })).Activities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("ZGwxfGF8MQ.c2lnbmF0dXJl")]
    public async Task A_missing_or_malformed_token_gets_401(string? token)
    {
        var conversation = await Client.StartAsync();

        var (status, body) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(conversation.ConversationId), token));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("automated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_whose_conversation_was_rewritten_keeps_its_old_signature_and_gets_401()
    {
        var victim = await Client.StartAsync();
        var attacker = await Client.StartAsync();
        var signature = attacker.Token[attacker.Token.IndexOf('.', StringComparison.Ordinal)..];
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(attacker.Token.Split('.')[0]))
            .Replace(attacker.ConversationId, victim.ConversationId, StringComparison.Ordinal);
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + signature;

        var (status, body) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(victim.ConversationId), forged));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("automated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_conversation_gets_403_and_never_that_conversations_activities()
    {
        var mine = await Client.StartAsync("dl_a");
        var theirs = await Client.StartAsync("dl_b");
        await Client.PostMessageAsync(theirs, LifespanQuestion, "their-message");
        var theirsWithMyToken = theirs with { Token = mine.Token };

        var read = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(theirs.ConversationId), mine.Token));
        var readFromZero = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(theirs.ConversationId, "0"), mine.Token));
        var write = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Post, DirectLineClient.ActivitiesPath(theirs.ConversationId), mine.Token,
            DirectLineClient.WebChatMessage("injected", "intruder")));
        var resume = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirsWithMyToken.ConversationId}", mine.Token));

        foreach (var (status, body) in new[] { read, readFromZero, write, resume })
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain(FixtureFaq.LifespanAnswer, body, StringComparison.Ordinal);
            Assert.DoesNotContain("automated", body, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.ConversationId, body, StringComparison.Ordinal);
        }
        var theirActivities = (await Client.GetActivitiesAsync(theirs)).Activities;
        Assert.Equal(3, theirActivities.Count);
        Assert.DoesNotContain(theirActivities, a => a.Text == "injected");
        Assert.Single((await Client.GetActivitiesAsync(mine)).Activities);
    }

    [Fact]
    public async Task A_valid_token_for_a_conversation_that_never_started_gets_404()
    {
        var grant = await Client.GetTokenAsync();

        var (status, _) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(grant.ConversationId), grant.Token));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\"} trailing")]
    public async Task A_post_that_is_not_an_activity_gets_400_with_a_reason(string body)
    {
        var conversation = await Client.StartAsync();

        var (status, reason) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Post, DirectLineClient.ActivitiesPath(conversation.ConversationId), conversation.Token, body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("BadArgument", reason, StringComparison.Ordinal);
        Assert.Single((await Client.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task An_activity_larger_than_the_limit_gets_413()
    {
        var conversation = await Client.StartAsync();

        var (status, reason) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Post, DirectLineClient.ActivitiesPath(conversation.ConversationId),
            conversation.Token, DirectLineClient.WebChatMessage(new string('a', 20_000), "client-activity-4")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("MessageSizeTooBig", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"user\":\"dl_visitor\"}")]
    public async Task A_start_with_a_malformed_body_gets_400(string body)
    {
        var grant = await Client.GetTokenAsync();

        var (status, _) = await Refusal.ReadAsync(await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token, body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_token_expired_on_a_live_conversation_gets_403_everywhere_and_none_of_its_activities()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:IdleTimeout"] = "02:00:00" });
        var conversation = await server.Client.StartAsync();
        await server.Client.PostMessageAsync(conversation, LifespanQuestion, "client-activity-5");
        server.Time.Advance(TimeSpan.FromMinutes(20));
        var refreshedInTime = await server.Client.RefreshAsync(conversation.Token);
        server.Time.Advance(TimeSpan.FromMinutes(11));

        var refusals = new[]
        {
            await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(conversation.ConversationId), conversation.Token)),
            await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.ActivitiesPath(conversation.ConversationId), conversation.Token,
                DirectLineClient.WebChatMessage("hello", "client-activity-6"))),
            await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}", conversation.Token)),
            await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token)),
            await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", conversation.Token)),
        };

        Assert.All(refusals, refusal =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusal.Status);
            Assert.Contains("TokenExpired", refusal.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(FixtureFaq.LifespanAnswer, refusal.Body, StringComparison.Ordinal);
        });
        Assert.Equal(3, (await server.Client.GetActivitiesAsync(conversation with { Token = refreshedInTime.Token })).Activities.Count);
    }

    [Fact]
    public async Task A_conversation_idle_past_the_timeout_has_ended_and_gets_404()
    {
        await using var server = LiveBotServer.Start();
        var conversation = await server.Client.StartAsync();

        server.Time.Advance(TimeSpan.FromMinutes(21));

        var (status, body) = await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(conversation.ConversationId), conversation.Token));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("automated", body, StringComparison.Ordinal);
    }
}
