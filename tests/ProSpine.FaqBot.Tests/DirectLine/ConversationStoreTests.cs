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
            var (conversation, isNew, _) = store.FindOrStart($"conversation-{i}");
            Assert.NotNull(conversation);
            Assert.True(isNew);
            conversation.Append(new Microsoft.Bot.Schema.Activity { Type = "message", Text = new string('x', 100) });
            started.Add(conversation!);
            Assert.True(store.Count <= 50, $"{store.Count} live after {i + 1} starts");
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(50, store.Count);
        Assert.All(started[..^50], c => Assert.True(c.Ended.IsCompleted));
        Assert.All(started[^50..], c => Assert.Same(c, store.Find(c.Id)));
    }

    [Fact]
    public void At_the_cap_the_least_recently_used_quiet_conversation_is_discarded_not_a_busy_one()
    {
        var store = Store(maxConversations: 3);
        var first = Start(store, "first");
        time.Advance(TimeSpan.FromMinutes(1));
        var second = Start(store, "second");
        time.Advance(TimeSpan.FromMinutes(1));
        var third = Start(store, "third");
        time.Advance(TimeSpan.FromMinutes(3));
        store.Find("first");

        var fourth = Start(store, "fourth");

        Assert.True(second.Ended.IsCompleted);
        Assert.Null(store.Find("second"));
        Assert.All([first, third, fourth], c => Assert.False(c.Ended.IsCompleted));
    }

    [Fact]
    public void A_live_conversation_survives_a_flood_of_1500_new_ones_which_are_refused_at_the_cap()
    {
        var store = Store(maxConversations: 1000);
        var patient = Start(store, "patient", client: "198.51.100.7");
        var refused = 0;

        for (var i = 0; i < 1500; i++)
        {
            // A flood from many addresses, faster than the page polls; the patient's page polls every second.
            if (store.FindOrStart($"flood-{i}", $"203.0.{i / 250}.{i % 250}").Refusal == StartRefusal.StoreFull)
                refused++;
            time.Advance(TimeSpan.FromMilliseconds(2));
            if (i % 500 == 0)
                Assert.Same(patient, store.Find("patient"));
        }

        Assert.False(patient.Ended.IsCompleted);
        Assert.Same(patient, store.Find("patient"));
        Assert.Equal(501, refused);
        Assert.Equal(1000, store.Count);
    }

    [Fact]
    public void One_client_is_capped_and_its_own_quiet_conversations_give_way_first()
    {
        var store = Store(maxConversations: 100, perClient: 3);
        var pages = Enumerable.Range(0, 3).Select(i => Start(store, $"page-{i}", "192.0.2.10")).ToList();

        Assert.Equal(StartRefusal.ClientFull, store.FindOrStart("page-3", "192.0.2.10").Refusal);
        Assert.NotNull(store.FindOrStart("neighbour", "192.0.2.11").Conversation);

        time.Advance(TimeSpan.FromMinutes(4));
        store.Find("page-1");
        store.Find("page-2");
        var (fourth, started, _) = store.FindOrStart("page-3", "192.0.2.10");

        Assert.True(started);
        Assert.NotNull(fourth);
        Assert.True(pages[0].Ended.IsCompleted);
        Assert.False(pages[1].Ended.IsCompleted);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7", true)]
    [InlineData("198.51.100.7", "198.51.100.8", false)]
    public void An_IPv6_client_is_its_64_prefix_and_a_mapped_IPv4_address_is_the_address(string one, string other, bool same)
    {
        var a = ConversationStore.ClientKey(System.Net.IPAddress.Parse(one));
        var b = ConversationStore.ClientKey(System.Net.IPAddress.Parse(other));

        Assert.Equal(same, a == b);
    }

    [Fact]
    public void A_conversation_with_an_open_stream_is_never_idle_and_is_discarded_once_the_stream_closes_and_time_passes()
    {
        var store = Store();
        var streamed = Start(store, "streamed");
        Assert.True(streamed.TryOpenStream());

        time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(0, store.RemoveIdle());
        streamed.CloseStream();
        time.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(1, store.RemoveIdle());
        Assert.True(streamed.Ended.IsCompleted);
    }

    [Fact]
    public void Every_byte_a_conversation_kept_is_released_when_it_ends()
    {
        var store = Store(maxConversations: 2);
        var conversation = Start(store, "a");
        conversation.Append(new Microsoft.Bot.Schema.Activity { Type = "message", Text = new string('x', 5000) });
        Assert.True(store.Bytes.Used >= 10_000);

        time.Advance(TimeSpan.FromMinutes(21));
        store.RemoveIdle();
        conversation.Append(new Microsoft.Bot.Schema.Activity { Type = "message", Text = "a late reply" });

        Assert.Equal(0, store.Bytes.Used);
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
        var (conversation, started, _) = store.FindOrStart("same");

        var (again, startedAgain, _) = store.FindOrStart("same");

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

    private static DirectLineConversation Start(ConversationStore store, string id, string client = "") =>
        store.FindOrStart(id, client).Conversation ?? throw new InvalidOperationException($"{id} was refused");

    private ConversationStore Store(int maxConversations = 100, int perClient = 10_000) => new(
        Options.Create(new DirectLineOptions
        {
            MaxConversations = maxConversations, MaxConversationsPerClient = perClient, IdleTimeout = TimeSpan.FromMinutes(20),
        }),
        time, NullLogger<ConversationStore>.Instance);
}
