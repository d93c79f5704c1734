using System.Globalization;
using Microsoft.Bot.Schema;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>What a client gets for a watermark: the activities after it (as JSON) and the watermark to send next.</summary>
public sealed record ActivitySlice(IReadOnlyList<string> Activities, long Watermark);

/// <summary>
/// One embedded Direct Line conversation: its activity log, addressed by watermarks, and the signals that wake its
/// WebSocket streams. Activities are stored as JSON when they are appended, so what clients read never changes
/// afterwards. The log keeps the newest <c>capacity</c> activities; the watermark is the number of activities ever
/// appended, so it keeps counting when old ones are dropped. Thread-safe.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly List<string> log = [];
    private readonly int capacity;
    private readonly int maxStreams;
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long firstSequence;
    private int openStreams;
    private Task turns = Task.CompletedTask;
    private long lastUsedTicks;

    public DirectLineConversation(string id, int capacity, int maxStreams, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        this.capacity = capacity;
        this.maxStreams = maxStreams;
        lastUsedTicks = now.UtcTicks;
    }

    public string Id { get; }

    /// <summary>When a client last read, posted or kept a stream alive.</summary>
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

    /// <summary>Completes when the conversation is discarded (idle, or evicted at capacity).</summary>
    public Task Ended => ended.Task;

    /// <summary>The watermark after the newest activity.</summary>
    public long Watermark
    {
        get
        {
            lock (gate)
                return firstSequence + log.Count;
        }
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastUsedTicks, now.UtcTicks);

    /// <summary>
    /// Gives <paramref name="activity"/> the next id (<c>{conversationId}|{sequence:D7}</c>), stores its JSON and wakes
    /// the streams. Returns the id.
    /// </summary>
    public string Append(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource wake;
        string id;
        lock (gate)
        {
            var sequence = firstSequence + log.Count;
            id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{sequence:D7}");
            activity.Id = id;
            log.Add(DirectLineJson.Serialize(activity));
            if (log.Count > capacity)
            {
                log.RemoveAt(0);
                firstSequence++;
            }
            wake = appended;
            appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.SetResult();
        return id;
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/>. A watermark that is not one this conversation has handed out
    /// (missing, not a number, negative, in the future) reads from the start: a poll must never fail.
    /// </summary>
    public ActivitySlice Read(string? watermark)
    {
        lock (gate)
        {
            var next = firstSequence + log.Count;
            var from = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w <= next ? w : 0;
            var skip = (int)Math.Max(0, from - firstSequence);
            return new ActivitySlice(log.GetRange(skip, log.Count - skip), next);
        }
    }

    /// <summary>A task that completes at the next <see cref="Append"/>; take it before reading, then await it.</summary>
    public Task NextAppend()
    {
        lock (gate)
            return appended.Task;
    }

    /// <summary>
    /// Runs <paramref name="turn"/> after every turn queued before it, so a person's messages and the bot's answers
    /// stay in the order they were sent.
    /// </summary>
    public Task RunInOrderAsync(Func<Task> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        lock (gate)
        {
            turns = After(turns, turn);
            return turns;
        }

        static async Task After(Task previous, Func<Task> turn)
        {
            // The earlier turn's failure belongs to its own caller; this turn runs regardless.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await turn();
        }
    }

    /// <summary>Counts a newly opened stream; false when <c>maxStreams</c> are open already.</summary>
    public bool TryOpenStream()
    {
        lock (gate)
        {
            if (openStreams >= maxStreams)
                return false;
            openStreams++;
            return true;
        }
    }

    public void CloseStream()
    {
        lock (gate)
            openStreams--;
    }

    /// <summary>Marks the conversation discarded: its streams close and it is no longer found.</summary>
    internal void End() => ended.TrySetResult();
}
