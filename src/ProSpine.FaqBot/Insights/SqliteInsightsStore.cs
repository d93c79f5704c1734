using System.Globalization;
using Microsoft.Data.Sqlite;
using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Insights;

/// <summary>
/// The insights in an embedded SQLite file, for a bot that runs as one instance. The file and its folder are created
/// at the first write, never by a read or a purge, so with recording off no file appears. Deleted rows are overwritten
/// (<c>secure_delete</c>), so a purge leaves no readable copy in the file's free pages.
/// </summary>
public sealed class SqliteInsightsStore(string databasePath) : IInsightsStore
{
    private const string DayFormat = "yyyy-MM-dd";
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS unanswered (day TEXT NOT NULL, text TEXT NOT NULL, nearest_entry TEXT, nearest_score REAL);
        CREATE INDEX IF NOT EXISTS unanswered_by_day ON unanswered (day);
        CREATE TABLE IF NOT EXISTS votes (day TEXT NOT NULL, entry TEXT NOT NULL, helpful INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS votes_by_day ON votes (day);
        """;

    private volatile bool schemaReady;

    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    public async Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO unanswered (day, text, nearest_entry, nearest_score) VALUES ($day, $text, $entry, $score)";
        command.Parameters.AddWithValue("$day", Day(question.Day));
        command.Parameters.AddWithValue("$text", question.Text.Value);
        command.Parameters.AddWithValue("$entry", (object?)question.NearestEntryId ?? DBNull.Value);
        command.Parameters.AddWithValue("$score", (object?)question.NearestScore ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO votes (day, entry, helpful) VALUES ($day, $entry, $helpful)";
        command.Parameters.AddWithValue("$day", Day(vote.Day));
        command.Parameters.AddWithValue("$entry", vote.EntryId);
        command.Parameters.AddWithValue("$helpful", vote.Helpful);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> UnansweredSinceAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var rows = new List<UnansweredQuestion>();
        if (!File.Exists(DatabasePath))
            return rows;
        await using var connection = await OpenAsync(SqliteOpenMode.ReadOnly, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, text, nearest_entry, nearest_score FROM unanswered WHERE day >= $since";
        command.Parameters.AddWithValue("$since", Day(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Stored text was redacted before it was written; redacting again changes nothing and keeps the type honest.
            rows.Add(new UnansweredQuestion(
                ParseDay(reader.GetString(0)),
                Redaction.Redact(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<FeedbackVote>> VotesSinceAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var rows = new List<FeedbackVote>();
        if (!File.Exists(DatabasePath))
            return rows;
        await using var connection = await OpenAsync(SqliteOpenMode.ReadOnly, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, entry, helpful FROM votes WHERE day >= $since";
        command.Parameters.AddWithValue("$since", Day(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new FeedbackVote(ParseDay(reader.GetString(0)), reader.GetString(1), reader.GetBoolean(2)));
        return rows;
    }

    public async Task<int> PurgeBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabasePath))
            return 0;
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA secure_delete = ON;
            DELETE FROM unanswered WHERE day < $cutoff;
            DELETE FROM votes WHERE day < $cutoff;
            """;
        command.Parameters.AddWithValue("$cutoff", Day(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        if (schemaReady && File.Exists(DatabasePath))
            return await OpenAsync(SqliteOpenMode.ReadWrite, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = await OpenAsync(SqliteOpenMode.ReadWriteCreate, cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        schemaReady = true;
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = mode,
            // Writes come from one background writer and reads from an occasional staff report: pooling would only
            // keep the file open (and locked on Windows) between them.
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, DayFormat, CultureInfo.InvariantCulture);
}
