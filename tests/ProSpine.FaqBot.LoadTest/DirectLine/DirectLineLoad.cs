using System.Diagnostics;
using ProSpine.FaqBot.LoadTest.Messages;
using ProSpine.FaqBot.LoadTest.Reporting;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>How <see cref="DirectLineLoad"/> runs.</summary>
/// <param name="Conversations">Conversations running at once, all started together.</param>
/// <param name="MessagesEach">Messages per conversation, each posted once the previous one's reply has arrived.</param>
/// <param name="PollInterval">Null: receive over the WebSocket stream; otherwise poll at this interval.</param>
/// <param name="ReplyTimeout">A reply not received this long after its message was posted is lost.</param>
internal sealed record DirectLineSettings(int Conversations, int MessagesEach, TimeSpan? PollInterval, TimeSpan ReplyTimeout);

/// <summary>Totals over every conversation.</summary>
internal sealed record DirectLineResult(
    int Conversations, int Welcomed, int Messages, int AnsweredOnce, int Lost, int Duplicated, int OutOfOrder,
    int RepeatedIds, int Unexpected, int StoredMismatch, IReadOnlyDictionary<string, long> Errors, TimeSpan Elapsed, double P50, double P99)
{
    public bool Clean => Welcomed == Conversations && AnsweredOnce == Messages && Lost == 0 && Duplicated == 0 && OutOfOrder == 0
        && RepeatedIds == 0 && Unexpected == 0 && StoredMismatch == 0 && Errors.Count == 0;
}

/// <summary>
/// Many Web Chat clients at once on the embedded Direct Line endpoint: each gets a token, starts a conversation,
/// opens its stream (or polls), waits for the welcome, then sends its messages one after the other, each once the
/// reply to the previous one has arrived. What each client received is checked by <see cref="TranscriptVerdict"/>,
/// and compared with the conversation as the server stored it (one final <c>GET</c> from the start).
/// </summary>
internal sealed class DirectLineLoad(DirectLineApi api, QuestionMix questions, DirectLineSettings settings)
{
    public async Task<DirectLineResult> RunAsync()
    {
        var latencies = new Latencies();
        var errors = new ErrorTally();
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, settings.Conversations)
            .Select(client => Task.Run(() => ConverseAsync(client, latencies, errors))));
        var elapsed = clock.Elapsed;
        var verdicts = outcomes.Select(o => o.Verdict).ToList();
        return new DirectLineResult(
            settings.Conversations,
            verdicts.Count(v => v.Welcomed),
            verdicts.Sum(v => v.Messages),
            verdicts.Sum(v => v.AnsweredOnce),
            verdicts.Sum(v => v.Lost),
            verdicts.Sum(v => v.Duplicated),
            verdicts.Sum(v => v.OutOfOrder),
            verdicts.Sum(v => v.RepeatedIds),
            verdicts.Sum(v => v.Unexpected),
            outcomes.Count(o => !o.MatchesStored),
            errors.Snapshot(),
            elapsed,
            latencies.Percentile(50),
            latencies.Percentile(99));
    }

    private async Task<(TranscriptVerdict Verdict, bool MatchesStored)> ConverseAsync(int client, Latencies latencies, ErrorTally errors)
    {
        var userId = $"dl-load-{client}";
        var posted = new List<PostedMessage>();
        ActivityFeed? feed = null;
        var matchesStored = false;
        try
        {
            var conversation = await api.StartAsync(userId);
            feed = await OpenFeedAsync(conversation);
            await WaitAsync(feed, a => a.FromId != userId);
            for (var turn = 0; turn < settings.MessagesEach; turn++)
            {
                var clientActivityId = $"{client}-{turn}";
                var started = Stopwatch.GetTimestamp();
                var id = await api.PostMessageAsync(conversation, questions.For(client, settings.Conversations, turn), clientActivityId);
                posted.Add(new PostedMessage(clientActivityId, id));
                await WaitAsync(feed, a => a.FromId != userId && a.ReplyToId == id);
                latencies.RecordSince(started);
            }
            var (stored, _) = await api.GetActivitiesAsync(conversation, watermark: null);
            matchesStored = stored.Select(a => a.Id).SequenceEqual(feed.Seen.Select(a => a.Id));
        }
        catch (LoadFailure failure)
        {
            errors.Add(failure.Reason);
        }
        finally
        {
            if (feed is not null)
                await feed.DisposeAsync();
        }
        // Checked after the stream is closed: whatever arrived late, duplicates included, is in the transcript.
        return (TranscriptVerdict.Check(userId, feed?.Seen ?? [], posted), matchesStored);
    }

    private async Task<ActivityFeed> OpenFeedAsync(StartedConversation conversation)
    {
        if (settings.PollInterval is { } interval)
            return new PollingFeed(api, conversation, interval);
        using var timeout = new CancellationTokenSource(settings.ReplyTimeout);
        return await WebSocketFeed.ConnectAsync(conversation.StreamUrl, timeout.Token);
    }

    private async Task WaitAsync(ActivityFeed feed, Func<SeenActivity, bool> match)
    {
        using var timeout = new CancellationTokenSource(settings.ReplyTimeout);
        try
        {
            await feed.WaitForAsync(match, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new LoadFailure("reply: timeout");
        }
    }
}
