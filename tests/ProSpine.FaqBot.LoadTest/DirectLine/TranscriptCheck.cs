namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>A message the client posted: Web Chat's own id for it, and the id the server gave it.</summary>
internal sealed record PostedMessage(string ClientActivityId, string Id);

/// <summary>
/// How one conversation went, message by message. A message is answered once when the client saw its own activity
/// come back exactly once (same id, same <c>clientActivityID</c>) and exactly one bot reply to it
/// (<c>replyToId</c>); lost when either never came; duplicated when either came more than once; out of order when
/// it or its reply came before the previous message's reply, or the reply before the message.
/// </summary>
internal sealed record TranscriptVerdict(int Messages, int AnsweredOnce, int Lost, int Duplicated, int OutOfOrder, bool Welcomed, int RepeatedIds, int Unexpected)
{
    public bool Clean => AnsweredOnce == Messages && Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Welcomed && RepeatedIds == 0 && Unexpected == 0;

    public static TranscriptVerdict Check(string userId, IReadOnlyList<SeenActivity> seen, IReadOnlyList<PostedMessage> posted)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(posted);
        var postedIds = posted.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        bool FromBot(SeenActivity a) => a.FromId != userId;
        bool Unsolicited(SeenActivity a) => FromBot(a) && (a.ReplyToId is null || !postedIds.Contains(a.ReplyToId));

        // The welcome: the first activity, from the bot, answering nothing the client posted.
        var welcomed = seen.Count > 0 && Unsolicited(seen[0]);
        var unexpected = seen.Count(Unsolicited) - (welcomed ? 1 : 0)
            + seen.Count(a => !FromBot(a) && (a.Id is null || !postedIds.Contains(a.Id)));
        var repeatedIds = seen.Count - seen.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count();

        int answeredOnce = 0, lost = 0, duplicated = 0, outOfOrder = 0;
        var previousReply = welcomed ? 0 : -1;
        foreach (var message in posted)
        {
            var echoes = Positions(seen, a => !FromBot(a) && a.Id == message.Id && a.ClientActivityId == message.ClientActivityId);
            var replies = Positions(seen, a => FromBot(a) && a.ReplyToId == message.Id);
            if (echoes.Count == 0 || replies.Count == 0)
            {
                lost++;
                continue;
            }
            if (echoes.Count > 1 || replies.Count > 1)
            {
                duplicated++;
                continue;
            }
            if (echoes[0] < previousReply || replies[0] < echoes[0])
                outOfOrder++;
            else
                answeredOnce++;
            previousReply = Math.Max(previousReply, replies[0]);
        }
        return new TranscriptVerdict(posted.Count, answeredOnce, lost, duplicated, outOfOrder, welcomed, repeatedIds, unexpected);
    }

    private static List<int> Positions(IReadOnlyList<SeenActivity> seen, Func<SeenActivity, bool> match) =>
        [.. seen.Select((activity, index) => (activity, index)).Where(p => match(p.activity)).Select(p => p.index)];
}
