using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProSpine.FaqBot.DirectLine;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.DirectLine;

/// <summary>
/// The security review's memory attack, replayed on a real Kestrel: activities stuffed with control characters
/// (each stored escaped, one byte becoming six) posted to many conversations. What the store keeps must stay
/// within its byte budgets, and a poll within its bound.
/// </summary>
public sealed class DirectLineMemoryTests
{
    private const int Conversations = 30;
    private const int PostsEach = 100;

    private static readonly string Stuffing = new('\u0001', 16_300);

    [Fact]
    public async Task Thirty_conversations_stuffed_with_control_characters_keep_within_the_byte_budget()
    {
        await using var server = LiveBotServer.Start();
        var store = server.Services.GetRequiredService<ConversationStore>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var conversations = new List<ConversationGrant>();

        for (var c = 0; c < Conversations; c++)
        {
            var conversation = await server.Client.StartAsync();
            conversations.Add(conversation);
            for (var i = 0; i < PostsEach; i++)
            {
                // The review's event, then the same bytes as a message's text, then a message under the text limit,
                // all with the control characters raw (one byte each on the wire), as the review sent them.
                var body = (i % 3) switch
                {
                    0 => $"{{\"type\":\"event\",\"name\":\"x\",\"value\":\"{Stuffing}\"}}",
                    1 => $"{{\"type\":\"message\",\"text\":\"{Stuffing}\"}}",
                    _ => $"{{\"type\":\"message\",\"text\":\"{Stuffing[..3_990]}?\",\"channelData\":{{\"pad\":\"{Stuffing[..8_000]}\"}}}}",
                };
                using var response = await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.ActivitiesPath(conversation.ConversationId),
                    conversation.Token, body);
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            }
        }

        // Events are refused, oversized text is refused, and what is kept of the rest is small.
        Assert.Equal(Conversations * 34, statuses[HttpStatusCode.BadRequest]);
        Assert.Equal(Conversations * 33, statuses[HttpStatusCode.RequestEntityTooLarge]);
        Assert.Equal(Conversations * 33, statuses[HttpStatusCode.OK]);
        Assert.InRange(store.Bytes.Used, 1, Conversations * 256 * 1024);
        foreach (var conversation in conversations)
        {
            using var poll = await server.Client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(conversation.ConversationId), conversation.Token);
            var json = await poll.Content.ReadAsStringAsync();
            Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, 64 * 1024 + 16 * 1024);
            Assert.DoesNotContain("\\u0001", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_store_never_keeps_more_than_its_budget_however_many_conversations_write()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:MaxStoreBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var store = server.Services.GetRequiredService<ConversationStore>();

        for (var c = 0; c < 20; c++)
        {
            var conversation = await server.Client.StartAsync();
            for (var i = 0; i < 20; i++)
                await server.Client.PostMessageAsync(conversation, "my question is " + new string('w', 3_900), $"c{c}-{i}");
        }

        // The newest activity of an appending conversation always stays, so the budget may be passed by one activity.
        Assert.InRange(store.Bytes.Used, 1, (2 * 1024 * 1024) + (32 * 1024));
    }
}
