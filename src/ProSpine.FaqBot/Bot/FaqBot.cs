using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Hosting;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The Bot Framework face of the FAQ: welcomes new members, answers messages through the current FAQ, and counts
/// feedback votes. Logs route, entry, score, channel and timing; never what a person typed or who they are.
/// </summary>
public sealed class FaqBot(FaqProvider faq, IFeedbackRecorder feedback, ILogger<FaqBot> logger) : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var answerer = faq.Current;
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            var welcome = MessageFactory.Text(answerer.Text(MessageKeys.Welcome));
            welcome.TextFormat = TextFormatTypes.Markdown;
            await turnContext.SendActivityAsync(welcome, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var started = Stopwatch.GetTimestamp();
        var answerer = faq.Current;
        var activity = turnContext.Activity;

        if (FeedbackVote(activity.Value) is var (entryId, helpful) && answerer.Content.Find(entryId) is not null)
        {
            feedback.Record(entryId, helpful);
            logger.LogInformation("Feedback {Vote} for {EntryId} on {ChannelId}", helpful ? "helpful" : "not helpful", entryId, activity.ChannelId);
            await turnContext.SendActivityAsync(ReplyRenderer.ToActivity(answerer.Feedback(helpful), answerer), cancellationToken);
            return;
        }

        var reply = answerer.Answer(activity.Text);
        await turnContext.SendActivityAsync(ReplyRenderer.ToActivity(reply, answerer), cancellationToken);
        logger.LogInformation("Answered on {ChannelId}: route {Route}, entry {EntryId}, score {Score:F3}, rule {Rule}, {ElapsedMs:F1} ms",
            activity.ChannelId, reply.Route, reply.Answer?.Id, reply.Match?.Best?.Score, reply.RuleName,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A vote from a feedback button's value, or null when the value is anything else.</summary>
    private static (string EntryId, bool Helpful)? FeedbackVote(object? value)
    {
        var json = value switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            _ => null,
        };
        if (json?[ReplyRenderer.FeedbackField]?.Type != JTokenType.String || json[ReplyRenderer.EntryField]?.Type != JTokenType.String)
            return null;
        var vote = (string)json[ReplyRenderer.FeedbackField]!;
        if (vote is not (ReplyRenderer.Helpful or ReplyRenderer.NotHelpful))
            return null;
        return ((string)json[ReplyRenderer.EntryField]!, vote == ReplyRenderer.Helpful);
    }

    private static JObject? TryParse(string text)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
