using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Bot;

/// <summary>
/// What any client may post to <c>/api/messages</c>, replayed through the real endpoint: malformed mentions and
/// member lists answer sensibly with no error logged, a crowd joining gets one welcome, and feedback votes count only
/// for answers the conversation received.
/// </summary>
public sealed class ClientInputTests
{
    private const string Question = "How long does an intrathecal pump last?";

    /// <summary>The bot with every log line kept and a store that signals each write.</summary>
    private sealed class Host : IDisposable
    {
        public Host()
        {
            Factory = new BotApplicationFactory(new Dictionary<string, string?>(), services: services =>
            {
                services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(Logs));
                services.AddSingleton<IInsightsStore>(_ => Store!);
            });
            Store = new SignallingStore(new SqliteInsightsStore(Factory.InsightsDatabase));
        }

        public FakeLogCollector Logs { get; } = new();

        public BotApplicationFactory Factory { get; }

        public SignallingStore Store { get; }

        public async Task<IList<Activity>> PostAsync(Activity activity)
        {
            using var client = Factory.CreateClient();
            return await Activities.PostExpectingRepliesAsync(client, activity);
        }

        public void HasNoErrors() =>
            Assert.DoesNotContain(Logs.GetSnapshot(), record => record.Level is LogLevel.Error or LogLevel.Critical);

        public void Dispose() => Factory.Dispose();
    }

    private static Entity Mention(JObject properties)
    {
        properties["type"] = "mention";
        return new Entity("mention") { Properties = properties };
    }

    private static Activity MembersAdded(IEnumerable<ChannelAccount?> members)
    {
        var update = Activities.MembersAdded();
        update.MembersAdded = [.. members!];
        return update;
    }

    [Fact]
    public async Task A_mention_entity_without_mentioned_is_answered_with_no_error()
    {
        using var host = new Host();
        var message = Activities.Message("<at>Someone</at> " + Question);
        message.Entities = [Mention(new JObject { ["text"] = "<at>Someone</at>" })];

        var reply = Assert.Single(await host.PostAsync(message));

        Assert.Contains(FixtureFaq.LifespanAnswer, reply.Text, StringComparison.Ordinal);
        host.HasNoErrors();
    }

    [Fact]
    public async Task A_mention_of_the_bot_with_neither_name_nor_text_is_answered_with_no_error()
    {
        using var host = new Host();
        var message = Activities.Message(Question);
        message.Entities = [Mention(new JObject { ["mentioned"] = new JObject { ["id"] = message.Recipient.Id } })];

        var reply = Assert.Single(await host.PostAsync(message));

        Assert.Contains(FixtureFaq.LifespanAnswer, reply.Text, StringComparison.Ordinal);
        host.HasNoErrors();
    }

    [Fact]
    public async Task The_bot_s_own_mention_is_still_removed_from_the_question()
    {
        using var host = new Host();
        var message = Activities.Message("<at>Bot</at> trial");
        message.Entities = [Mention(new JObject { ["mentioned"] = new JObject { ["id"] = message.Recipient.Id, ["name"] = "Bot" }, ["text"] = "<at>Bot</at>" })];

        var withMention = Assert.Single(await host.PostAsync(message));
        var without = Assert.Single(await host.PostAsync(Activities.Message("trial")));

        Assert.Equal(without.Text, withMention.Text);
    }

    [Fact]
    public async Task A_null_member_is_skipped_with_no_error_and_the_others_get_one_welcome()
    {
        using var host = new Host();

        var onlyNull = await host.PostAsync(MembersAdded([null]));
        var withPerson = await host.PostAsync(MembersAdded([null, new ChannelAccount("user-1", "Visitor"), null]));

        Assert.Empty(onlyNull);
        Assert.Contains("automated", Assert.Single(withPerson).Text, StringComparison.Ordinal);
        host.HasNoErrors();
    }

    [Fact]
    public async Task A_thousand_members_joining_at_once_get_one_welcome()
    {
        using var host = new Host();
        var crowd = Enumerable.Range(0, 1000).Select(i => new ChannelAccount($"user-{i}", $"Visitor {i}")).Prepend(new ChannelAccount("bot", "Bot"));

        var replies = await host.PostAsync(MembersAdded(crowd));

        Assert.Contains("automated", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_counts_only_for_an_answer_the_conversation_received()
    {
        using var host = new Host();
        var asked = Activities.Message(Question);
        var answer = Assert.Single(await host.PostAsync(asked));
        var helpful = (JObject)JToken.FromObject(Assert.Single(answer.SuggestedActions.Actions, a => a.Type == ActionTypes.MessageBack && a.Title == "Helpful").Value);
        var entry = (string)helpful["entry"]!;
        Activity Vote(JObject value, string conversationId)
        {
            var vote = Activities.Message("Helpful");
            vote.Conversation.Id = conversationId;
            vote.Value = value;
            return vote;
        }
        var otherEntry = new JObject(helpful) { ["entry"] = FixtureFaq.SideEffects };
        var untagged = new JObject(helpful);
        untagged.Remove("tag");

        var forged = new[]
        {
            Vote(untagged, asked.Conversation.Id),                 // no tag, as a script would post it
            Vote(otherEntry, asked.Conversation.Id),               // this conversation's tag on an entry it was never shown
            Vote(helpful, "conv-someone-else"),                    // the right button, replayed in another conversation
            Vote(new JObject(helpful) { ["tag"] = "AAAAAAAAAAAAAAAA" }, asked.Conversation.Id),
        };
        foreach (var vote in forged)
            Assert.Contains("Thank you", Assert.Single(await host.PostAsync(vote)).Text, StringComparison.Ordinal);
        Assert.Contains("Thank you", Assert.Single(await host.PostAsync(Vote(helpful, asked.Conversation.Id))).Text, StringComparison.Ordinal);
        await host.Store.WaitForWritesAsync();

        Assert.NotEqual(FixtureFaq.SideEffects, entry);
        Assert.True(((string)helpful["tag"]!).Length <= 16, (string)helpful["tag"]!);
        var counted = Assert.Single(await host.Store.VotesSinceAsync(DateOnly.MinValue, default));
        Assert.Equal((entry, true), (counted.EntryId, counted.Helpful));
    }
}
