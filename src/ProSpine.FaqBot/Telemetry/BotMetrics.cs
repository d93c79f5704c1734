using System.Diagnostics;
using System.Diagnostics.Metrics;
using Route = ProSpine.FaqBot.Core.Answering.Route;

namespace ProSpine.FaqBot.Telemetry;

/// <summary>
/// The bot's operational metrics, on the meter <see cref="MeterName"/>: counts and durations only, tagged with the
/// route and the channel. Nothing a person typed, no entry ids tied to a person, no user or conversation ids.
/// <list type="bullet">
/// <item><c>faqbot.replies</c>: replies by route (answer, did-you-mean, not covered, hand-off, urgent, emergency,
/// crisis, …) and channel.</item>
/// <item><c>faqbot.reply.duration</c>: the time from a message's arrival to its reply, in milliseconds.</item>
/// <item><c>faqbot.feedback</c>: Helpful / Not helpful votes that were counted.</item>
/// <item><c>faqbot.directline.conversations</c>: live embedded website-chat conversations;
/// <c>faqbot.directline.refused</c>: starts refused at a cap.</item>
/// </list>
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "ProSpine.FaqBot";

    private readonly Counter<long> replies;
    private readonly Histogram<double> replyDuration;
    private readonly Counter<long> feedback;
    private readonly Counter<long> refused;

    /// <param name="conversations">The embedded website chat's conversations; null when it is not served.</param>
    public BotMetrics(IMeterFactory meters, ILiveConversations? conversations = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        replies = meter.CreateCounter<long>("faqbot.replies", "{reply}", "Replies, by route and channel.");
        replyDuration = meter.CreateHistogram<double>("faqbot.reply.duration", "ms", "Time from a message's arrival to its reply.");
        feedback = meter.CreateCounter<long>("faqbot.feedback", "{vote}", "Counted Helpful / Not helpful votes.");
        refused = meter.CreateCounter<long>("faqbot.directline.refused", "{conversation}", "Website-chat conversations refused at a cap.");
        if (conversations is not null)
            meter.CreateObservableGauge("faqbot.directline.conversations", () => conversations.Count, "{conversation}", "Live website-chat conversations.");
    }

    /// <param name="channel">A channel id already made safe for logs and metrics (see <c>LogField</c>).</param>
    public void Replied(Route route, string channel, TimeSpan elapsed)
    {
        var tags = new TagList { { "route", RouteName(route) }, { "channel", channel } };
        replies.Add(1, tags);
        replyDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    public void Voted(bool helpful) => feedback.Add(1, new KeyValuePair<string, object?>("vote", helpful ? "helpful" : "not_helpful"));

    /// <param name="atClientCap">Refused at the per-client cap; otherwise at the whole store's.</param>
    public void ConversationRefused(bool atClientCap) =>
        refused.Add(1, new KeyValuePair<string, object?>("cap", atClientCap ? "client" : "store"));

    /// <summary>Snake case, as OpenTelemetry's conventions spell tag values.</summary>
    private static string RouteName(Route route) => route switch
    {
        Route.Empty => "empty",
        Route.TooLong => "too_long",
        Route.Crisis => "crisis",
        Route.Emergency => "emergency",
        Route.Urgent => "urgent",
        Route.Handoff => "handoff",
        Route.SmallTalk => "small_talk",
        Route.Answer => "answer",
        Route.DidYouMean => "did_you_mean",
        Route.NotCovered => "not_covered",
        _ => "other",
    };
}
