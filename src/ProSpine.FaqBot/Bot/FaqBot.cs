using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Telemetry;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The Bot Framework face of the FAQ: welcomes new members, answers messages through the current FAQ, runs the staff
/// commands for staff in Teams, and records feedback votes and uncovered questions (redacted) for the staff reports.
/// Logs route, entry, score, channel and timing; never what a person typed or who they are.
/// </summary>
public sealed class FaqBot(FaqProvider faq, InsightsRecorder insights, StaffCommands staff, FeedbackTags feedbackTags, BotMetrics metrics, ILogger<FaqBot> logger)
    : ActivityHandler
{
    /// <summary>
    /// One welcome per conversation update at most, however many members it lists (null entries ignored). Teams
    /// reports every person who later joins a team or group chat; there the welcome goes when the bot itself is added
    /// (to a personal chat, group chat or team). Other channels welcome when anyone but the bot joins.
    /// </summary>
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded?.Where(m => m is not null) ?? [];
        var welcome = activity.ChannelId == Channels.Msteams ? added.Any(m => m.Id == botId) : added.Any(m => m.Id != botId);
        return welcome ? SendWelcomeAsync(turnContext, cancellationToken) : Task.CompletedTask;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var started = Stopwatch.GetTimestamp();
        var answerer = faq.Current;
        var activity = turnContext.Activity;

        if (FeedbackVote(activity.Value) is var (entryId, helpful, tag) && answerer.Content.Find(entryId) is not null)
        {
            // Counted only for an answer this conversation was given (see FeedbackTags); thanked either way, since a
            // button from before a restart was pressed in good faith.
            if (feedbackTags.Verify(tag, activity.ChannelId, activity.Conversation?.Id, entryId))
            {
                insights.RecordVote(entryId, helpful);
                metrics.Voted(helpful);
                logger.LogInformation("Feedback {Vote} for {EntryId} on {ChannelId}", helpful ? "helpful" : "not helpful", entryId, LogField.Of(activity.ChannelId));
            }
            else
            {
                logger.LogInformation("Feedback for {EntryId} on {ChannelId} not counted: not an answer this conversation received", entryId, LogField.Of(activity.ChannelId));
            }
            await turnContext.SendActivityAsync(ReplyRenderer.ToActivity(answerer.Feedback(helpful), answerer, activity.ChannelId), cancellationToken);
            return;
        }

        var question = QuestionText(activity);
        if (await staff.TryAnswerAsync(turnContext, question, answerer, cancellationToken) is { } staffReply)
        {
            var message = MessageFactory.Text(staffReply);
            message.TextFormat = TextFormatTypes.Markdown;
            await turnContext.SendActivityAsync(message, cancellationToken);
            return;
        }

        var reply = answerer.Answer(question);
        var buttonsTag = reply.AsksFeedback ? feedbackTags.For(activity.ChannelId, activity.Conversation?.Id, reply.Answer!.Id) : null;
        await turnContext.SendActivityAsync(ReplyRenderer.ToActivity(reply, answerer, activity.ChannelId, buttonsTag), cancellationToken);
        if (reply.Route == Core.Answering.Route.NotCovered)
            insights.RecordUnanswered(faq.Redactor.Redact(question), reply.Match?.Best);
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.Replied(reply.Route, LogField.Of(activity.ChannelId), elapsed);
        logger.LogInformation("Answered on {ChannelId}: route {Route}, entry {EntryId}, score {Score:F3}, rule {Rule}, {ElapsedMs:F1} ms",
            LogField.Of(activity.ChannelId), reply.Route, reply.Answer?.Id, reply.Match?.Best?.Score, reply.RuleName, elapsed.TotalMilliseconds);
    }

    private async Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcome = MessageFactory.Text(faq.Current.Text(TextKeys.Welcome));
        welcome.TextFormat = TextFormatTypes.Markdown;
        await turnContext.SendActivityAsync(welcome, cancellationToken);
    }

    /// <summary>
    /// The question without the bot's own @mention: in Teams group chats and channels a message to the bot starts with
    /// <c>&lt;at&gt;Bot name&lt;/at&gt;</c>, which is not part of what was asked. Other people's mentions stay (and
    /// are redacted if the question is recorded).
    /// </summary>
    private static string? QuestionText(IMessageActivity activity) => Mentions.WithoutRecipientMention(activity);

    /// <summary>A vote from a feedback button's value (its tag, if any), or null when the value is anything else.</summary>
    private static (string EntryId, bool Helpful, string? Tag)? FeedbackVote(object? value)
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
        var tag = json[ReplyRenderer.TagField]?.Type == JTokenType.String ? (string?)json[ReplyRenderer.TagField] : null;
        return ((string)json[ReplyRenderer.EntryField]!, vote == ReplyRenderer.Helpful, tag);
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
