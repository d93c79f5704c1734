using System.Net.WebSockets;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>
/// How a client receives a conversation's activities: <see cref="WebSocketFeed"/> (the stream, Web Chat's default)
/// or <see cref="PollingFeed"/>. Keeps everything received, in order and duplicates included, for the checks.
/// </summary>
internal abstract class ActivityFeed : IAsyncDisposable
{
    private readonly List<SeenActivity> seen = [];
    private readonly Lock gate = new();
    private TaskCompletionSource received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Everything received so far, in the order it came.</summary>
    public IReadOnlyList<SeenActivity> Seen
    {
        get
        {
            lock (gate)
                return [.. seen];
        }
    }

    /// <summary>The first activity received, now or later, that <paramref name="match"/> accepts.</summary>
    public abstract Task<SeenActivity> WaitForAsync(Func<SeenActivity, bool> match, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected void Add(IEnumerable<SeenActivity> activities)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            seen.AddRange(activities);
            wake = received;
            received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.SetResult();
    }

    /// <summary>A match among the activities received so far, and a task that completes when more arrive.</summary>
    protected (SeenActivity? Match, Task More) Find(Func<SeenActivity, bool> match)
    {
        lock (gate)
            return (seen.FirstOrDefault(match), received.Task);
    }
}

/// <summary>The conversation's WebSocket stream, opened as a browser opens it (token in the URL, no headers).</summary>
internal sealed class WebSocketFeed : ActivityFeed
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource closing = new();
    private Task receiving = Task.CompletedTask;

    private WebSocketFeed()
    {
    }

    public static async Task<WebSocketFeed> ConnectAsync(Uri streamUrl, CancellationToken cancellationToken)
    {
        var feed = new WebSocketFeed();
        try
        {
            await feed.socket.ConnectAsync(streamUrl, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            await feed.DisposeAsync();
            throw new LoadFailure("stream: " + (e is WebSocketException w ? w.WebSocketErrorCode.ToString() : "timeout"));
        }
        feed.receiving = feed.ReceiveAllAsync();
        return feed;
    }

    public override async Task<SeenActivity> WaitForAsync(Func<SeenActivity, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (found, more) = Find(match);
            if (found is not null)
                return found;
            if (receiving.IsCompleted)
                throw new LoadFailure("stream: closed by the server");
            await Task.WhenAny(more, receiving).WaitAsync(cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The close handshake is courtesy: the socket is dropped below either way.
            }
        }
        await closing.CancelAsync();
        await receiving;
        socket.Dispose();
        closing.Dispose();
    }

    private async Task ReceiveAllAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                // Empty frames are keep-alives; every other frame is an activity set.
                if (frame.Length > 0)
                    Add(SeenActivity.ReadSet(frame.GetBuffer().AsSpan(0, (int)frame.Length)).Activities);
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed by this client or dropped: WaitForAsync reports a stream that ended too early.
        }
    }
}

/// <summary>Polling, as Web Chat does without WebSockets: <c>GET .../activities?watermark=</c> until the awaited one comes.</summary>
internal sealed class PollingFeed(DirectLineApi api, StartedConversation conversation, TimeSpan interval) : ActivityFeed
{
    private readonly SemaphoreSlim polling = new(1, 1);
    private string? watermark;

    public override async Task<SeenActivity> WaitForAsync(Func<SeenActivity, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Find(match).Match is { } found)
                return found;
            await PollAsync(cancellationToken);
            if (Find(match).Match is { } polled)
                return polled;
            await Task.Delay(interval, cancellationToken);
        }
    }

    public override ValueTask DisposeAsync()
    {
        polling.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await polling.WaitAsync(cancellationToken);
        try
        {
            var (activities, next) = await api.GetActivitiesAsync(conversation, watermark);
            watermark = next ?? watermark;
            Add(activities);
        }
        finally
        {
            polling.Release();
        }
    }
}
