using Microsoft.Extensions.Logging.Testing;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Hosting;

/// <summary>What patients type may be health information: none of it reaches the logs, at any level enabled by default.</summary>
public sealed class PrivacyTests
{
    private const string Marker = "zebracorn";
    private const string UserId = "user-quokka-17";

    [Fact]
    public async Task No_message_text_or_user_id_reaches_the_logs()
    {
        var logs = new FakeLogCollector();
        await using var factory = new LoggedBot(logs, new Dictionary<string, string?>());
        using var client = factory.CreateClient();
        await using var channel = await ChannelStub.StartAsync();
        string[] questions =
        [
            $"how long does the {Marker} pump last",
            $"my {Marker} incision is red and warm",
            $"I want to end my life {Marker}",
            $"what does {Marker} cost",
            $"hola {Marker}",
            string.Concat(Enumerable.Repeat($"{Marker} ", 300)),
        ];

        foreach (var question in questions)
        {
            var message = Activities.Message(question);
            message.From.Id = UserId;
            message.From.Name = UserId;
            await Activities.PostExpectingRepliesAsync(client, message);
        }
        // A turn whose channel is unreachable fails and is logged with its exception.
        var unreachable = Activities.Message($"is the {Marker} pump safe", serviceUrl: "http://127.0.0.1:9", expectReplies: false);
        unreachable.From.Id = UserId;
        using var failed = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(unreachable));
        // The website chat and Teams, where uncovered questions are also recorded for the staff reports.
        var webChat = new DirectLineClient(factory.CreateClient());
        var conversation = await webChat.StartAsync(userId: UserId);
        await webChat.PostMessageAsync(conversation, $"what does the {Marker} cost", clientActivityId: Marker);
        await webChat.PostMessageAsync(conversation, $"how long does the {Marker} pump last", clientActivityId: Marker + "2");
        var teams = Activities.Teams($"is the {Marker} pump covered by my insurance", "channel", "tenant-" + Marker);
        teams.From.Id = UserId;
        await Activities.PostExpectingRepliesAsync(client, teams);
        // One that reaches a channel and is answered there.
        var delivered = Activities.Message($"what is in the {Marker} pump", serviceUrl: channel.Url, expectReplies: false);
        // A Teams personal conversation id names one person; the reply URL holds it, so the HTTP client must not log it.
        delivered.Conversation.Id = "a:personal-" + Marker;
        using var ok = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(delivered));

        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.Contains(records, record => record.Message.Contains("Answered on", StringComparison.Ordinal));
        Assert.DoesNotContain(records, record => record.AllText().Contains(Marker, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(records, record => record.AllText().Contains(UserId, StringComparison.OrdinalIgnoreCase));
    }
}
