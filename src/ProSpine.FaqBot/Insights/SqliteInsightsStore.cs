using System.Globalization;
using Microsoft.Data.Sqlite;
using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Insights;

/// <summary>
/// The insights in an embedded SQLite file, for a bot that runs as one instance. The file and its folder are created
/// at the first write, never by a read or a purge, so with recording off no file appears. On Unix the file is created
/// readable and writable by the bot's user only (0600; SQLite gives its <c>-wal</c> and <c>-shm</c> files the same
/// mode), and a folder the store creates is 0700. A purge overwrites the deleted rows (<c>secure_delete</c>) and
/// empties the write-ahead log, so no readable copy stays behind in the files.
/// </summary>
public sealed class SqliteInsightsStore : IInsightsStore, IDisposable
{
    private const string DayFormat = "yyyy-MM-dd";
    // Write-ahead log with synchronous=NORMAL: a write waits for no disk flush of its own, and a staff report reads
    // while the writer writes. A power cut may lose the last records, never corrupt the file: fine for these counts.
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS unanswered (day TEXT NOT NULL, text TEXT NOT NULL, nearest_entry TEXT, nearest_score REAL);
        CREATE INDEX IF NOT EXISTS unanswered_by_day ON unanswered (day);
        CREATE TABLE IF NOT EXISTS votes (day TEXT NOT NULL, entry TEXT NOT NULL, helpful INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS votes_by_day ON votes (day);
        """;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    private readonly string connectionString;
    private readonly Func<Redactor> redactor;
    private volatile bool schemaReady;

    /// <param name="redactor">The redactor that text read back passes through again (the current FAQ's in the bot);
    /// by default the common-English one.</param>
    public SqliteInsightsStore(string databasePath, Func<Redactor>? redactor = null)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, DefaultTimeout = 5 }.ToString();
        this.redactor = redactor ?? (() => Redactor.English);
    }

    public string DatabasePath { get; }

    public Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return WriteAsync(
            "INSERT INTO unanswered (day, text, nearest_entry, nearest_score) VALUES ($day, $text, $entry, $score)", cancellationToken,
            ("$day", Day(question.Day)), ("$text", question.Text.Value), ("$entry", question.NearestEntryId), ("$score", question.NearestScore));
    }

    public Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return WriteAsync(
            "INSERT INTO votes (day, entry, helpful) VALUES ($day, $entry, $helpful)", cancellationToken,
            ("$day", Day(vote.Day)), ("$entry", vote.EntryId), ("$helpful", vote.Helpful));
    }

    public Task<IReadOnlyList<UnansweredQuestion>> UnansweredSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
        ReadSinceAsync("SELECT day, text, nearest_entry, nearest_score FROM unanswered WHERE day >= $since", since, row => new UnansweredQuestion(
            ParseDay(row.GetString(0)),
            // Stored text was redacted before it was written; redacting again changes nothing (with the same vocabulary)
            // and keeps the type honest.
            redactor().Redact(row.GetString(1)),
            row.IsDBNull(2) ? null : row.GetString(2),
            row.IsDBNull(3) ? null : row.GetDouble(3)), cancellationToken);

    public Task<IReadOnlyList<FeedbackVote>> VotesSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
        ReadSinceAsync("SELECT day, entry, helpful FROM votes WHERE day >= $since", since,
            row => new FeedbackVote(ParseDay(row.GetString(0)), row.GetString(1), row.GetBoolean(2)), cancellationToken);

    public async Task<int> PurgeBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabasePath))
            return 0;
        var deleted = await WriteAsync("""
            DELETE FROM unanswered WHERE day < $cutoff;
            DELETE FROM votes WHERE day < $cutoff;
            """, cancellationToken, ("$cutoff", Day(cutoff)));
        // The write-ahead log still holds the pages as they were before the delete until a checkpoint empties it.
        await WriteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        return deleted;
    }

    /// <summary>Runs <paramref name="statements"/> with values as parameters (never spliced into the SQL).</summary>
    /// <returns>How many rows changed.</returns>
    private async Task<int> WriteAsync(string statements, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = statements;
        foreach (var (name, value) in values)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadSinceAsync<T>(string query, DateOnly since, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (!File.Exists(DatabasePath))
            return rows;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.Parameters.AddWithValue("$since", Day(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    private async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var creating = !schemaReady || !File.Exists(DatabasePath);
        if (creating)
            CreateOwnerOnly();
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Per connection: no flush of its own for each write (see Schema), and deleted rows overwritten with zeros.
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;" + (creating ? Schema : "");
        await command.ExecuteNonQueryAsync(cancellationToken);
        schemaReady = true;
        return connection;
    }

    /// <summary>
    /// The folder and an empty database file, before SQLite opens it: SQLite would create the file with the process's
    /// umask (often world-readable), and the patients' words in it must not be. A file left by an older version is
    /// narrowed to 0600 as well.
    /// </summary>
    private void CreateOwnerOnly()
    {
        var folder = Path.GetDirectoryName(DatabasePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        if (File.Exists(DatabasePath))
        {
            if ((File.GetUnixFileMode(DatabasePath) & ~OwnerOnlyFile) != 0)
                File.SetUnixFileMode(DatabasePath, OwnerOnlyFile);
            return;
        }
        try
        {
            // An empty file is an empty SQLite database; CreateNew, so a file made meanwhile by another writer stays.
            using var created = new FileStream(DatabasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        catch (IOException) when (File.Exists(DatabasePath))
        {
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
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

    /// <summary>Closes the pooled connections, so the files are released when the bot stops.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, DayFormat, CultureInfo.InvariantCulture);
}
