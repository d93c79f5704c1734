using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Insights;

/// <summary>The recorder against a real SQLite file: what a turn records, and what it must never record.</summary>
public sealed class InsightsRecorderTests : IDisposable
{
    // Far from every entry and from danger: this test is about what is stored, not about how the message is read.
    private const string UncoveredWithDetails = "does the pump come in different colors? jane.doe@example.com 414-555-0199";

    private readonly TemporaryFolder folder = new();

    private string DatabasePath => folder.File("insights.db");

    public void Dispose() => folder.Dispose();

    private static async Task WhileRunningAsync(InsightsRecorder recorder, Func<Task> body)
    {
        await recorder.StartAsync(default);
        try
        {
            await body();
        }
        finally
        {
            await recorder.StopAsync(default);
        }
    }

    private static void IsNotCovered(IActivity reply) =>
        Assert.Contains("isn't covered", ((IMessageActivity)reply).Text, StringComparison.Ordinal);

    [Fact]
    public async Task An_uncovered_question_reaches_the_database_redacted_with_its_nearest_entry()
    {
        var store = new SignallingStore(new SqliteInsightsStore(DatabasePath));
        var recorder = TestBots.Recorder(store);

        await WhileRunningAsync(recorder, async () =>
        {
            await new TestFlow(new TestAdapter(), TestBots.Bot(recorder)).Send(UncoveredWithDetails).AssertReply(IsNotCovered).StartTestAsync();
            await store.WaitForWritesAsync();
        });

        var stored = Assert.Single(await new SqliteInsightsStore(DatabasePath).UnansweredSinceAsync(DateOnly.MinValue, default));
        Assert.Equal("does the pump come in different colors? [email] [number]", stored.Text.Value);
        Assert.NotNull(stored.NearestEntryId);
        var file = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(DatabasePath));
        Assert.DoesNotContain("555", file, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", file, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feedback_vote_reaches_the_database_without_text()
    {
        var store = new SignallingStore(new SqliteInsightsStore(DatabasePath));
        var recorder = TestBots.Recorder(store);

        await WhileRunningAsync(recorder, async () =>
        {
            recorder.RecordVote("lifespan", helpful: false);
            await store.WaitForWritesAsync();
        });

        var vote = Assert.Single(await store.VotesSinceAsync(DateOnly.MinValue, default));
        Assert.Equal(("lifespan", false), (vote.EntryId, vote.Helpful));
    }

    [Fact]
    public async Task With_recording_off_nothing_is_written_and_no_file_is_created()
    {
        var store = new SignallingStore(new SqliteInsightsStore(DatabasePath));
        var recorder = TestBots.Recorder(store, new InsightsOptions { Enabled = false });

        await WhileRunningAsync(recorder, async () =>
        {
            await new TestFlow(new TestAdapter(), TestBots.Bot(recorder)).Send(UncoveredWithDetails).AssertReply(IsNotCovered).StartTestAsync();
            recorder.RecordVote("lifespan", helpful: true);
        });

        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task The_daily_purge_deletes_records_older_than_the_retention_period()
    {
        var time = new FixedTime(new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));
        var store = new SqliteInsightsStore(DatabasePath);
        await store.AddAsync(new UnansweredQuestion(time.Today.AddDays(-31), Redactor.English.Redact("old question"), null, null), default);
        await store.AddAsync(new UnansweredQuestion(time.Today.AddDays(-30), Redactor.English.Redact("recent question"), null, null), default);
        await store.AddAsync(new FeedbackVote(time.Today.AddDays(-45), "lifespan", true), default);
        var recorder = TestBots.Recorder(store, new InsightsOptions { RetentionDays = 30 }, time);

        await recorder.PurgeExpiredAsync(default);

        Assert.Equal("recent question", Assert.Single(await store.UnansweredSinceAsync(DateOnly.MinValue, default)).Text.Value);
        Assert.Empty(await store.VotesSinceAsync(DateOnly.MinValue, default));
    }

    [Fact]
    public async Task An_unwritable_database_costs_a_warning_without_the_text_and_the_bot_keeps_answering()
    {
        // A file where the database's folder should be: creating the folder fails, as a read-only disk would.
        await File.WriteAllTextAsync(folder.File("not-a-folder"), "");
        var log = new FakeLogger<InsightsRecorder>();
        var recorder = TestBots.Recorder(new SqliteInsightsStore(folder.File("not-a-folder/insights.db")), log: log);

        await WhileRunningAsync(recorder, async () =>
        {
            await new TestFlow(new TestAdapter(), TestBots.Bot(recorder))
                .Send("can a zebrafish sense the pump? 414-555-0199")
                .AssertReply(IsNotCovered)
                .Send("how long does an intrathecal pump last")
                .AssertReply(a => Assert.Contains(FixtureFaq.LifespanAnswer, ((IMessageActivity)a).Text, StringComparison.Ordinal))
                .StartTestAsync();
            using var patience = new CancellationTokenSource(SignallingStore.Patience);
            var warning = await log.Collector.GetLogsAsync(patience.Token).FirstAsync(record => record.Level == LogLevel.Warning, patience.Token);
            Assert.Contains("write failed", warning.Message, StringComparison.Ordinal);
        });
        var records = log.Collector.GetSnapshot();
        Assert.All(records, record =>
        {
            Assert.DoesNotContain("zebrafish", record.AllText(), StringComparison.Ordinal);
            Assert.DoesNotContain("[number]", record.AllText(), StringComparison.Ordinal);
        });
        Assert.Contains(records, record => record.Level == LogLevel.Warning);
    }
}
