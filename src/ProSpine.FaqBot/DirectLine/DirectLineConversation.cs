using System.Globalization;
using Microsoft.Bot.Schema;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>What a client gets for a watermark: the activities after it (as JSON) and the watermark to send next.</summary>
public sealed record ActivitySlice(IReadOnlyList<string> Activities, long Watermark);

/// <summary>How much one conversation may keep and hand out; see <see cref="DirectLineOptions"/>.</summary>
public sealed record ConversationLimits(int MaxActivities, long MaxBytes, long MaxReadBytes, int MaxStreams)
{
    public static ConversationLimits From(DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxActivitiesPerConversation, options.MaxBytesPerConversation, options.MaxBytesPerRead, options.MaxStreamsPerConversation);
    }
}

/// <summary>
/// One embedded Direct Line conversation: its activity log, addressed by watermarks, and the signals that wake its
/// WebSocket streams. Activities are stored as JSON when they are appended, so what clients read never changes
/// afterwards. The log keeps the newest activities within two budgets, a count and bytes, its own and the whole
/// store's (<see cref="KeptBytes"/>): older ones are dropped first, the newest always stays. The watermark is the
/// number of activities ever appended, so it keeps counting when old ones are dropped. Thread-safe.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly List<string> log = [];
    private readonly ConversationLimits limits;
    private readonly KeptBytes storeBytes;
    private long keptBytes;
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long firstSequence;
    private int openStreams;
    private Task turns = Task.CompletedTask;
    private long lastUsedTicks;

    public DirectLineConversation(string id, ConversationLimits limits, KeptBytes storeBytes, DateTimeOffset now, string client = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(storeBytes);
        Id = id;
        Client = client;
        this.limits = limits;
        this.storeBytes = storeBytes;
        lastUsedTicks = now.UtcTicks;
    }

    public string Id { get; }

    /// <summary>The client (address, or IPv6 /64) that started it, for the per-client cap.</summary>
    public string Client { get; }

    /// <summary>Bytes of activity JSON kept now.</summary>
    public long BytesKept
    {
        get
        {
            lock (gate)
                return keptBytes;
        }
    }

    /// <summary>Whether a WebSocket stream is open: its page is there even when nobody types.</summary>
    public bool HasOpenStreams
    {
        get
        {
            lock (gate)
                return openStreams > 0;
        }
    }

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
            var json = DirectLineJson.Serialize(activity);
            if (ended.Task.IsCompleted)
                return id; // A turn that finishes after its conversation ended: nobody can read it, so nothing is kept.
            log.Add(json);
            Keep(KeptBytes.Of(json));
            while (log.Count > 1 && (log.Count > limits.MaxActivities || keptBytes > limits.MaxBytes || storeBytes.IsOver))
                DropOldest();
            wake = appended;
            appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.SetResult();
        return id;
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/>, at most <see cref="ConversationLimits.MaxReadBytes"/> of
    /// them (always at least one); the watermark returned is after the last one handed out, so the next read goes on
    /// from there. A watermark that is not one this conversation has handed out (missing, not a number, negative, in
    /// the future) reads from the start: a poll must never fail.
    /// </summary>
    public ActivitySlice Read(string? watermark)
    {
        lock (gate)
        {
            var next = firstSequence + log.Count;
            var from = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w <= next ? w : 0;
            var skip = (int)Math.Max(0, from - firstSequence);
            var count = 0;
            for (long bytes = 0; skip + count < log.Count; count++)
            {
                bytes += KeptBytes.Of(log[skip + count]);
                if (count > 0 && bytes > limits.MaxReadBytes)
                    break;
            }
            return new ActivitySlice(log.GetRange(skip, count), firstSequence + skip + count);
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

    /// <summary>Counts a newly opened stream; false when <see cref="ConversationLimits.MaxStreams"/> are open already.</summary>
    public bool TryOpenStream()
    {
        lock (gate)
        {
            if (openStreams >= limits.MaxStreams)
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

    /// <summary>Marks the conversation discarded: its streams close, it is no longer found, and its bytes are freed.</summary>
    internal void End()
    {
        lock (gate)
        {
            ended.TrySetResult();
            storeBytes.Release(keptBytes);
            keptBytes = 0;
            firstSequence += log.Count;
            log.Clear();
        }
    }

    private void Keep(long bytes)
    {
        keptBytes += bytes;
        storeBytes.Add(bytes);
    }

    private void DropOldest()
    {
        Keep(-KeptBytes.Of(log[0]));
        log.RemoveAt(0);
        firstSequence++;
    }
}
