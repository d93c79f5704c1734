using System.Net;
using Microsoft.Bot.Schema;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Api;

public sealed class MessagesEndpointTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory factory;

    public MessagesEndpointTests(BotApplicationFactory factory) => this.factory = factory;

    [Fact]
    public async Task An_expectReplies_message_gets_the_sourced_answer_inline()
    {
        using var client = factory.CreateClient();

        var replies = await Activities.PostExpectingRepliesAsync(client, Activities.Message("How long does an intrathecal pump last?"));

        var reply = Assert.Single(replies);
        Assert.Contains(FixtureFaq.LifespanAnswer, reply.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.Clinic, reply.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.PageUpdated, reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions.Actions, a => a.Type == ActionTypes.MessageBack);
    }

    [Fact]
    public async Task A_new_member_is_welcomed_as_an_automated_assistant_with_the_emergency_and_crisis_numbers()
    {
        using var client = factory.CreateClient();

        var replies = await Activities.PostExpectingRepliesAsync(client, Activities.MembersAdded());

        var welcome = Assert.Single(replies);
        Assert.Contains("automated", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.Phone, welcome.Text, StringComparison.Ordinal);
        Assert.Contains("911", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("988", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_flow_posts_the_reply_to_the_service_url()
    {
        await using var channel = await ChannelStub.StartAsync();
        using var client = factory.CreateClient();
        var message = Activities.Message("is a pain pump safe", serviceUrl: channel.Url, expectReplies: false);

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(message));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var (path, reply) = Assert.Single(channel.Received);
        Assert.Equal($"/v3/conversations/{message.Conversation.Id}/activities/{message.Id}", path);
        Assert.Contains(FixtureFaq.SafetyAnswer, reply.Text, StringComparison.Ordinal);
        Assert.Equal(message.Id, reply.ReplyToId);
    }

    [Fact]
    public async Task An_emergency_is_routed_to_911_before_any_faq_answer()
    {
        using var client = factory.CreateClient();

        var replies = await Activities.PostExpectingRepliesAsync(client, Activities.Message("he is not breathing and the pump is beeping"));

        var reply = Assert.Single(replies);
        Assert.StartsWith("**Call 911 now.**", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions.Actions, a => a.Type == ActionTypes.Call && (string)a.Value == "tel:911");
    }

    [Fact]
    public async Task A_feedback_vote_is_thanked()
    {
        using var client = factory.CreateClient();
        var vote = Activities.Message("");
        vote.Value = Newtonsoft.Json.Linq.JObject.FromObject(new { feedback = "helpful", entry = FixtureFaq.Lifespan });

        var replies = await Activities.PostExpectingRepliesAsync(client, vote);

        Assert.Contains("Thank you", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_AdaptiveCards_assembly_is_loaded_while_the_bot_handles_traffic()
    {
        using var client = factory.CreateClient();
        await Activities.PostExpectingRepliesAsync(client, Activities.MembersAdded());
        await Activities.PostExpectingRepliesAsync(client, Activities.Message("what medications are used in the pump"));
        await Activities.PostExpectingRepliesAsync(client, Activities.Message("I want to make an appointment"));

        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "AdaptiveCards");
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "AdaptiveCards.dll")));
    }
}

public sealed class AuthenticatedMessagesEndpointTests
{
    [Fact]
    public async Task With_an_app_id_configured_a_request_without_a_token_gets_401()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(Activities.Message("hello")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
