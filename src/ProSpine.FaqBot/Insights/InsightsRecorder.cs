using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Matching;

namespace ProSpine.FaqBot.Insights;

/// <summary>
/// Records uncovered questions and feedback votes without holding up a reply: a turn redacts the text at once, with
/// the current FAQ's <see cref="Redactor"/> (so nothing unredacted is kept even in memory), and queues the record; a background loop writes the queue to the store
/// and deletes expired records daily. A store that fails or is slow costs a logged warning, never an answer. With
/// <see cref="InsightsOptions.Enabled"/> off, recording does nothing.
/// </summary>
public sealed class InsightsRecorder : BackgroundService
{
    /// <summary>Records waiting for the store; beyond this a burst drops records rather than memory.</summary>
    public const int QueueCapacity = 1000;

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromDays(1);

    private readonly IInsightsStore store;
    private readonly InsightsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<InsightsRecorder> logger;
    private readonly Channel<Func<CancellationToken, Task>> queue =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

    public InsightsRecorder(IInsightsStore store, IOptions<InsightsOptions> options, TimeProvider time, ILogger<InsightsRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Queues an uncovered question, already redacted, with the closest entry the matcher found.</summary>
    public void RecordUnanswered(RedactedText question, MatchCandidate? nearest)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!options.Enabled)
            return;
        var record = new UnansweredQuestion(Today, question, nearest?.Entry.Id, nearest?.Score);
        Enqueue(cancellationToken => store.AddAsync(record, cancellationToken));
    }

    public void RecordVote(string entryId, bool helpful)
    {
        if (!options.Enabled)
            return;
        var record = new FeedbackVote(Today, entryId, helpful);
        Enqueue(cancellationToken => store.AddAsync(record, cancellationToken));
    }

    /// <summary>Deletes records older than <see cref="InsightsOptions.RetentionDays"/>, enabled or not: turning
    /// recording off must not keep old records forever.</summary>
    public async Task PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.PurgeBeforeAsync(Today.AddDays(-options.RetentionDays), cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Insights: deleted {Count} records older than {RetentionDays} days", deleted, options.RetentionDays);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up must not wait for the first purge's file I/O.
        await Task.Yield();
        var purging = PurgeDailyAsync(stoppingToken);
        try
        {
            await foreach (var write in queue.Reader.ReadAllAsync(stoppingToken))
                await Attempt(write, "write", stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await purging;
    }

    private void Enqueue(Func<CancellationToken, Task> write)
    {
        if (!queue.Writer.TryWrite(write))
            logger.LogWarning("Insights: the store is not keeping up; a record was dropped");
    }

    private async Task PurgeDailyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PurgeInterval, time);
        try
        {
            do
            {
                await Attempt(PurgeExpiredAsync, "purge", stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Attempt(Func<CancellationToken, Task> operation, string what, CancellationToken stoppingToken)
    {
        try
        {
            await operation(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the store throws (full disk, locked or unwritable file), answering goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The exception's message names the file and the SQLite error, never a record's text (values are parameters).
            logger.LogWarning(e, "Insights: {Operation} failed; the bot keeps answering without recording", what);
        }
    }
}
