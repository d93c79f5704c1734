using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProSpine.FaqBot.DirectLine;

namespace ProSpine.FaqBot.Tests.DirectLine;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ten_thousand_conversations_churned_through_a_small_store_never_exceed_its_cap()
    {
        var store = Store(maxConversations: 50);
        var started = new List<DirectLineConversation>();

        for (var i = 0; i < 10_000; i++)
        {
            var (conversation, isNew) = store.FindOrStart($"conversation-{i}");
            Assert.True(isNew);
            conversation.Append(new Microsoft.Bot.Schema.Activity { Type = "message", Text = new string('x', 100) });
            started.Add(conversation);
            Assert.True(store.Count <= 50, $"{store.Count} live after {i + 1} starts");
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(50, store.Count);
        Assert.All(started[..^50], c => Assert.True(c.Ended.IsCompleted));
        Assert.All(started[^50..], c => Assert.Same(c, store.Find(c.Id)));
    }

    [Fact]
    public void At_the_cap_the_least_recently_used_conversation_is_discarded_not_a_busy_one()
    {
        var store = Store(maxConversations: 3);
        var first = Start(store, "first");
        time.Advance(TimeSpan.FromSeconds(1));
        var second = Start(store, "second");
        time.Advance(TimeSpan.FromSeconds(1));
        var third = Start(store, "third");
        time.Advance(TimeSpan.FromSeconds(1));
        store.Find("first");

        var fourth = Start(store, "fourth");

        Assert.True(second.Ended.IsCompleted);
        Assert.Null(store.Find("second"));
        Assert.All([first, third, fourth], c => Assert.False(c.Ended.IsCompleted));
    }

    [Fact]
    public void A_conversation_idle_past_the_timeout_is_not_found_and_ends()
    {
        var store = Store();
        var conversation = Start(store, "idle");

        time.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));

        Assert.Null(store.Find("idle"));
        Assert.True(conversation.Ended.IsCompleted);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Each_use_pushes_the_idle_timeout_back()
    {
        var store = Store();
        var conversation = Start(store, "busy");

        for (var minute = 0; minute < 60; minute += 15)
        {
            time.Advance(TimeSpan.FromMinutes(15));
            Assert.Same(conversation, store.Find("busy"));
        }
    }

    [Fact]
    public void The_sweep_removes_only_idle_conversations()
    {
        var store = Store();
        Start(store, "abandoned");
        time.Advance(TimeSpan.FromMinutes(15));
        Start(store, "recent");
        time.Advance(TimeSpan.FromMinutes(10));

        var removed = store.RemoveIdle();

        Assert.Equal(1, removed);
        Assert.Null(store.Find("abandoned"));
        Assert.NotNull(store.Find("recent"));
    }

    [Fact]
    public void Starting_a_live_conversation_again_returns_it_unchanged()
    {
        var store = Store();
        var (conversation, started) = store.FindOrStart("same");

        var (again, startedAgain) = store.FindOrStart("same");

        Assert.True(started);
        Assert.False(startedAgain);
        Assert.Same(conversation, again);
    }

    [Fact]
    public async Task Concurrent_starts_never_overshoot_the_cap()
    {
        var store = Store(maxConversations: 20);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                store.FindOrStart($"worker-{worker}-{i}");
                Assert.True(store.Count <= 20);
            }
        })));

        Assert.Equal(20, store.Count);
    }

    private static DirectLineConversation Start(ConversationStore store, string id) => store.FindOrStart(id).Conversation;

    private ConversationStore Store(int maxConversations = 100) => new(
        Options.Create(new DirectLineOptions { MaxConversations = maxConversations, IdleTimeout = TimeSpan.FromMinutes(20) }),
        time, NullLogger<ConversationStore>.Instance);
}
