using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using ProSpine.FaqBot.Bot;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// The embedded endpoint's side of a turn: it fills in what the channel owns (ids, timestamps, accounts, service
/// URL), records the person's activity in the conversation so the client sees it delivered, runs the turn through the
/// app's adapter and bot (the same path as every other channel) and records the bot's replies. Turns of one
/// conversation run one at a time, so replies follow the message they answer.
/// </summary>
public sealed class DirectLineChannel(IHostedChannelTurns adapter, TimeProvider time)
{
    /// <summary>The channel id the bot sees for the embedded endpoint.</summary>
    public const string ChannelId = Channels.Directline;

    /// <summary>The bot's account in embedded conversations.</summary>
    public const string BotId = "bot";

    /// <summary>The user id when a client names none.</summary>
    public const string DefaultUserId = "user";

    /// <summary>Runs the conversation-start turn (members added: the bot and the person), which pushes the welcome.</summary>
    public Task StartAsync(DirectLineConversation conversation, string userId, Uri serviceUrl, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversation.Id + "|start",
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl.AbsoluteUri,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = new ChannelAccount(userId, role: RoleTypes.User),
            Recipient = BotAccount(),
            MembersAdded = [BotAccount(), new ChannelAccount(userId, role: RoleTypes.User)],
            Timestamp = time.GetUtcNow(),
        };
        return conversation.RunInOrderAsync(() => RunTurnAsync(conversation, update, bot));
    }

    /// <summary>
    /// Takes an activity a client posted, already reduced by <see cref="ClientActivity.Take"/>: stores it (typing
    /// indicators excepted: they are not part of the transcript) with a new id, then runs the turn. Returns its id.
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity activity, Uri serviceUrl, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl.AbsoluteUri;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.From = new ChannelAccount(string.IsNullOrEmpty(activity.From?.Id) ? DefaultUserId : activity.From.Id, activity.From?.Name, RoleTypes.User);
        activity.Recipient = BotAccount();
        activity.DeliveryMode = null;
        activity.CallerId = null;

        var id = string.Empty;
        await conversation.RunInOrderAsync(() =>
        {
            activity.Timestamp = time.GetUtcNow();
            id = activity.Type == ActivityTypes.Typing ? conversation.Id + "|typing" : conversation.Append(activity);
            activity.Id = id;
            return RunTurnAsync(conversation, activity, bot);
        });
        return id;
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, IBot bot)
    {
        // Not the request's token: a client that hangs up mid-turn still finds the answer at its next poll.
        var replies = await adapter.ProcessHostedChannelActivityAsync(activity, bot, CancellationToken.None);
        foreach (var reply in replies.Where(r => r.Type != ActivityTypes.Trace))
        {
            reply.Timestamp = time.GetUtcNow();
            reply.ChannelId = ChannelId;
            reply.Conversation = new ConversationAccount { Id = conversation.Id };
            reply.From = BotAccount();
            conversation.Append(reply);
        }
    }

    private static ChannelAccount BotAccount() => new(BotId, role: RoleTypes.Bot);
}
