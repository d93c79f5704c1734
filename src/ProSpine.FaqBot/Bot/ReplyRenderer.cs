using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Core.Answering;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Turns a channel-independent <see cref="Reply"/> into a Bot Framework message: Markdown text with the citation,
/// and suggested actions for follow-up questions, "Did you mean" choices, feedback and the call button.
/// </summary>
public static class ReplyRenderer
{
    /// <summary>The <c>value</c> of a feedback button: <c>{ "feedback": "helpful" | "notHelpful", "entry": id }</c>.</summary>
    public const string FeedbackField = "feedback";
    public const string EntryField = "entry";
    public const string Helpful = "helpful";
    public const string NotHelpful = "notHelpful";

    public static Activity ToActivity(Reply reply, Answerer answerer)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(answerer);
        var text = reply.Text;
        if (reply.Citation is not null)
            text += $"\n\n*{reply.Citation}*";
        if (reply.Route == Core.Safety.Route.Answer && reply.Suggestions.Count > 0)
            text += $"\n\n{answerer.Text(MessageKeys.RelatedPrompt)}";

        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Locale = reply.Language == "es" ? "es-US" : "en-US";

        var actions = new List<CardAction>();
        if (reply.Call is { } call)
            actions.Add(new CardAction(ActionTypes.Call, call.Label, value: "tel:" + call.Number));
        actions.AddRange(reply.Suggestions.Select(s => new CardAction(ActionTypes.ImBack, s.Title, value: s.Value)));
        if (reply.AsksFeedback)
        {
            actions.Add(FeedbackAction(answerer.Text(MessageKeys.FeedbackHelpful), Helpful, reply.Answer!.Id));
            actions.Add(FeedbackAction(answerer.Text(MessageKeys.FeedbackNotHelpful), NotHelpful, reply.Answer!.Id));
        }
        if (actions.Count > 0)
            activity.SuggestedActions = new SuggestedActions { Actions = actions };
        return activity;
    }

    private static CardAction FeedbackAction(string title, string vote, string entryId) => new(
        ActionTypes.MessageBack,
        title,
        displayText: title,
        value: new JObject { [FeedbackField] = vote, [EntryField] = entryId });
}
