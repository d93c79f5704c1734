using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Turns a channel-independent <see cref="Reply"/> into a Bot Framework message: Markdown text with the citation, and
/// buttons for follow-up questions, "Did you mean" choices, feedback and the call. The buttons are suggested actions,
/// except in Microsoft Teams, where they are a hero card's buttons (see <see cref="UsesCardButtons"/>).
/// </summary>
public static class ReplyRenderer
{
    /// <summary>
    /// The <c>value</c> of a feedback button: <c>{ "feedback": "helpful" | "notHelpful", "entry": id, "tag": t }</c>,
    /// the tag from <see cref="FeedbackTags"/> when the bot signs its buttons.
    /// </summary>
    public const string FeedbackField = "feedback";
    public const string EntryField = "entry";
    public const string TagField = "tag";
    public const string Helpful = "helpful";
    public const string NotHelpful = "notHelpful";

    /// <summary>
    /// Teams shows suggested actions only in some scopes and clients, and never in channels, while hero card buttons
    /// work in personal chat, group chat and channels alike: one rule for every Teams conversation keeps a reply the
    /// same wherever staff forward or quote it.
    /// </summary>
    public static bool UsesCardButtons(string? channelId) => channelId == Channels.Msteams;

    /// <param name="feedbackTag">The tag the feedback buttons carry (see <see cref="FeedbackTags"/>), if they are shown.</param>
    public static Activity ToActivity(Reply reply, Answerer answerer, string? channelId, string? feedbackTag = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(answerer);
        var text = reply.Text;
        if (reply.Citation is not null)
            text += $"\n\n*{reply.Citation}*";
        if (reply.Route == Core.Answering.Route.Answer && reply.Suggestions.Count > 0)
            text += $"\n\n{answerer.Text(TextKeys.RelatedPrompt)}";

        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Locale = reply.Language.Locale;

        var cardButtons = UsesCardButtons(channelId);
        var actions = new List<CardAction>();
        actions.AddRange(reply.Calls.Select(call => CallAction(call, cardButtons)));
        actions.AddRange(reply.Suggestions.Select(s => new CardAction(ActionTypes.ImBack, s.Title, value: s.Value)));
        if (reply.AsksFeedback)
        {
            actions.Add(FeedbackAction(answerer.Text(TextKeys.FeedbackHelpful), Helpful, reply.Answer!.Id, feedbackTag));
            actions.Add(FeedbackAction(answerer.Text(TextKeys.FeedbackNotHelpful), NotHelpful, reply.Answer!.Id, feedbackTag));
        }
        if (actions.Count == 0)
            return activity;
        if (cardButtons)
            activity.Attachments = [new HeroCard { Buttons = actions }.ToAttachment()];
        else
            activity.SuggestedActions = new SuggestedActions { Actions = actions };
        return activity;
    }

    /// <summary>
    /// Web Chat and the Emulator dial a <c>call</c> action. Teams cards support only openUrl, imBack, messageBack,
    /// invoke and signin, so there the button opens a <c>tel:</c> link, which Teams mobile dials; the number is in the
    /// text as well, for desktop clients that do not.
    /// </summary>
    private static CardAction CallAction(CallAction call, bool cardButtons) =>
        new(cardButtons ? ActionTypes.OpenUrl : ActionTypes.Call, call.Label, value: "tel:" + call.Number);

    private static CardAction FeedbackAction(string title, string vote, string entryId, string? tag)
    {
        var value = new JObject { [FeedbackField] = vote, [EntryField] = entryId };
        if (tag is not null)
            value[TagField] = tag;
        return new(ActionTypes.MessageBack, title, displayText: title, value: value);
    }
}
