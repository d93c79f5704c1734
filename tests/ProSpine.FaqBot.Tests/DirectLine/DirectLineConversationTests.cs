using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.DirectLine;

namespace ProSpine.FaqBot.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    [Fact]
    public void Appended_activities_get_sequential_ids_and_the_watermark_counts_them()
    {
        var conversation = Conversation();

        var ids = Enumerable.Range(0, 3).Select(i => conversation.Append(Message($"m{i}"))).ToList();

        Assert.Equal(["c1|0000000", "c1|0000001", "c1|0000002"], ids);
        Assert.Equal(3, conversation.Watermark);
        Assert.Equal(["m1", "m2"], Texts(conversation.Read("1")));
        Assert.Empty(conversation.Read("3").Activities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("-2")]
    [InlineData("4")]
    [InlineData(" 1")]
    public void A_watermark_this_conversation_never_gave_reads_from_the_start(string? watermark)
    {
        var conversation = Conversation();
        conversation.Append(Message("a"));
        conversation.Append(Message("b"));

        var slice = conversation.Read(watermark);

        Assert.Equal(["a", "b"], Texts(slice));
        Assert.Equal(2, slice.Watermark);
    }

    [Fact]
    public void Past_its_capacity_the_log_drops_the_oldest_and_the_watermark_keeps_counting()
    {
        var conversation = Conversation(capacity: 10);

        for (var i = 0; i < 25; i++)
            conversation.Append(Message($"m{i}"));

        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"m{i}"), Texts(conversation.Read(null)));
        Assert.Equal(["m20", "m21", "m22", "m23", "m24"], Texts(conversation.Read("20")));
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"m{i}"), Texts(conversation.Read("3")));
        Assert.Equal(25, conversation.Read("3").Watermark);
    }

    [Fact]
    public void Past_its_byte_budget_the_log_drops_the_oldest_but_always_keeps_the_newest()
    {
        var conversation = Conversation(maxBytes: 100_000);

        for (var i = 0; i < 30; i++)
            conversation.Append(Message($"m{i} " + new string('x', 10_000)));
        var huge = conversation.Append(Message("huge " + new string('y', 40_000)));

        Assert.InRange(conversation.BytesKept, 80_000, 100_000);
        var kept = conversation.Read(null);
        Assert.StartsWith("huge", Texts(kept)[^1], StringComparison.Ordinal);
        Assert.Equal(31, kept.Watermark);
        Assert.EndsWith("0000030", huge, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_the_store_budget_a_conversation_that_appends_drops_its_own_oldest()
    {
        var store = new KeptBytes(150_000);
        var first = Conversation(store: store);
        var second = Conversation(store: store);

        for (var i = 0; i < 10; i++)
            first.Append(Message(new string('a', 10_000)));
        for (var i = 0; i < 10; i++)
            second.Append(Message(new string('b', 10_000)));

        Assert.InRange(store.Used, 1, 150_000 + 25_000);
        Assert.Equal(store.Used, first.BytesKept + second.BytesKept);
        Assert.True(second.Read(null).Activities.Count < 10);
    }

    [Fact]
    public void A_read_hands_out_at_most_its_byte_bound_and_the_next_read_goes_on_from_there()
    {
        var conversation = Conversation(maxReadBytes: 50_000);
        for (var i = 0; i < 10; i++)
            conversation.Append(Message($"m{i} " + new string('x', 10_000)));

        var first = conversation.Read(null);
        var all = new List<string>(Texts(first));
        for (var slice = first; slice.Watermark < conversation.Watermark;)
        {
            slice = conversation.Read(slice.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(slice.Activities.Count, 1, 2);
            all.AddRange(Texts(slice));
        }

        Assert.Equal(2, first.Activities.Count);
        Assert.Equal(2, first.Watermark);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), all.Select(t => t.Split(' ')[0]));
    }

    [Fact]
    public void What_was_appended_cannot_be_changed_afterwards()
    {
        var conversation = Conversation();
        var activity = Message("original");
        activity.ChannelData = new JObject { ["clientActivityID"] = "abc" };

        conversation.Append(activity);
        activity.Text = "changed";

        var stored = JObject.Parse(conversation.Read(null).Activities[0]);
        Assert.Equal("original", stored["text"]!.Value<string>());
        Assert.Equal("abc", stored["channelData"]!["clientActivityID"]!.Value<string>());
    }

    [Fact]
    public void The_next_append_wakes_a_waiting_stream()
    {
        var conversation = Conversation();
        var next = conversation.NextAppend();

        Assert.False(next.IsCompleted);
        conversation.Append(Message("a"));

        Assert.True(next.IsCompletedSuccessfully);
        Assert.False(conversation.NextAppend().IsCompleted);
    }

    [Fact]
    public async Task Turns_run_one_at_a_time_in_the_order_they_were_queued()
    {
        var conversation = Conversation();
        var firstMayFinish = new TaskCompletionSource();
        var order = new List<string>();

        var first = conversation.RunInOrderAsync(async () =>
        {
            await firstMayFinish.Task;
            order.Add("first");
        });
        var second = conversation.RunInOrderAsync(() =>
        {
            order.Add("second");
            return Task.CompletedTask;
        });

        Assert.False(second.IsCompleted);
        firstMayFinish.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public async Task A_failed_turn_does_not_stop_the_next_one()
    {
        var conversation = Conversation();

        var failing = conversation.RunInOrderAsync(() => throw new InvalidOperationException("bot failed"));
        var next = conversation.RunInOrderAsync(() => Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await next;
    }

    [Fact]
    public void Streams_are_capped_and_a_closed_one_frees_its_slot()
    {
        var conversation = Conversation(maxStreams: 2);

        Assert.True(conversation.TryOpenStream());
        Assert.True(conversation.TryOpenStream());
        Assert.False(conversation.TryOpenStream());
        conversation.CloseStream();
        Assert.True(conversation.TryOpenStream());
    }

    private static DirectLineConversation Conversation(int capacity = 100, int maxStreams = 4, long maxBytes = 1024 * 1024,
        long maxReadBytes = 1024 * 1024, KeptBytes? store = null) =>
        new("c1", new ConversationLimits(capacity, maxBytes, maxReadBytes, maxStreams), store ?? new KeptBytes(long.MaxValue), DateTimeOffset.UnixEpoch);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static List<string> Texts(ActivitySlice slice) =>
        slice.Activities.Select(json => JObject.Parse(json)["text"]!.Value<string>()!).ToList();
}
