using Microsoft.Data.Sqlite;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Insights;

public sealed class SqliteInsightsStoreTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private readonly TemporaryFolder folder = new();

    private string DatabasePath => folder.File("data/insights.db");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Questions_and_votes_read_back_from_the_file_as_written()
    {
        var store = new SqliteInsightsStore(DatabasePath);
        await store.AddAsync(new UnansweredQuestion(Today, Redactor.English.Redact("how much does the pump weigh"), "implant-duration", 0.391), default);
        await store.AddAsync(new UnansweredQuestion(Today.AddDays(-1), Redactor.English.Redact("can my dog sense it"), null, null), default);
        await store.AddAsync(new FeedbackVote(Today, "lifespan", Helpful: false), default);

        var questions = await new SqliteInsightsStore(DatabasePath).UnansweredSinceAsync(Today.AddDays(-1), default);
        var votes = await new SqliteInsightsStore(DatabasePath).VotesSinceAsync(Today, default);

        Assert.Equal(2, questions.Count);
        Assert.Contains(new UnansweredQuestion(Today, Redactor.English.Redact("how much does the pump weigh"), "implant-duration", 0.391), questions);
        Assert.Contains(new UnansweredQuestion(Today.AddDays(-1), Redactor.English.Redact("can my dog sense it"), null, null), questions);
        Assert.Equal([new FeedbackVote(Today, "lifespan", false)], votes);
    }

    [Fact]
    public async Task Reports_only_read_records_from_the_day_asked_for_on()
    {
        var store = new SqliteInsightsStore(DatabasePath);
        await store.AddAsync(new FeedbackVote(Today.AddDays(-8), "lifespan", true), default);
        await store.AddAsync(new FeedbackVote(Today.AddDays(-7), "risks", true), default);

        var votes = await store.VotesSinceAsync(Today.AddDays(-7), default);

        Assert.Equal("risks", Assert.Single(votes).EntryId);
    }

    [Fact]
    public async Task The_tables_have_no_column_for_a_person_or_a_conversation()
    {
        var store = new SqliteInsightsStore(DatabasePath);
        await store.AddAsync(new FeedbackVote(Today, "lifespan", true), default);

        Assert.Equal(["day", "text", "nearest_entry", "nearest_score"], Columns("unanswered"));
        Assert.Equal(["day", "entry", "helpful"], Columns("votes"));
    }

    [Fact]
    public async Task A_purge_deletes_records_before_the_cutoff_and_leaves_no_trace_of_their_text_in_the_file()
    {
        var store = new SqliteInsightsStore(DatabasePath);
        await store.AddAsync(new UnansweredQuestion(Today.AddDays(-31), Redactor.English.Redact("zebrafish pump question"), null, null), default);
        await store.AddAsync(new UnansweredQuestion(Today.AddDays(-30), Redactor.English.Redact("kept question"), null, null), default);
        await store.AddAsync(new FeedbackVote(Today.AddDays(-31), "lifespan", true), default);
        await store.AddAsync(new FeedbackVote(Today, "risks", true), default);

        var deleted = await store.PurgeBeforeAsync(Today.AddDays(-30), default);

        Assert.Equal(2, deleted);
        Assert.Equal("kept question", Assert.Single(await store.UnansweredSinceAsync(DateOnly.MinValue, default)).Text.Value);
        Assert.Equal("risks", Assert.Single(await store.VotesSinceAsync(DateOnly.MinValue, default)).EntryId);
        Assert.DoesNotContain("zebrafish", Files(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_or_purging_before_the_first_write_creates_no_file()
    {
        var store = new SqliteInsightsStore(DatabasePath);

        Assert.Empty(await store.UnansweredSinceAsync(DateOnly.MinValue, default));
        Assert.Empty(await store.VotesSinceAsync(DateOnly.MinValue, default));
        Assert.Equal(0, await store.PurgeBeforeAsync(Today, default));
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task The_database_its_log_files_and_the_folder_it_creates_are_the_bot_user_s_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var store = new SqliteInsightsStore(DatabasePath);

        await store.AddAsync(new UnansweredQuestion(Today, Redactor.English.Redact("can a dog sense the pump"), null, null), default);
        await store.AddAsync(new FeedbackVote(Today, "lifespan", true), default);

        var files = Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, "insights.db*");
        Assert.Equal(["insights.db", "insights.db-shm", "insights.db-wal"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
            Assert.Equal((Path.GetFileName(file), UnixFileMode.UserRead | UnixFileMode.UserWrite), (Path.GetFileName(file), File.GetUnixFileMode(file)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(DatabasePath)!));
    }

    [Fact]
    public async Task A_database_file_readable_by_others_is_narrowed_to_the_bot_user_at_the_first_write()
    {
        if (OperatingSystem.IsWindows())
            return;
        var path = folder.File("old.db");
        await File.WriteAllBytesAsync(path, []);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new SqliteInsightsStore(path).AddAsync(new FeedbackVote(Today, "lifespan", true), default);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    /// <summary>The database and its write-ahead log and index, as bytes read as text.</summary>
    private string Files() => string.Concat(Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, "insights.db*")
        .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    private List<string> Columns(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
            columns.Add(reader.GetString(0));
        return columns;
    }
}
