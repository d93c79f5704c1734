using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The Bot Framework adapter with one constructor (so the container can build it) and a turn-error handler that logs
/// without message text and apologises to the person, never throwing itself: the channel may be the thing that failed.
/// Besides <c>/api/messages</c>, it runs the turns of channels this app hosts itself
/// (<see cref="ProcessHostedChannelActivityAsync"/>), through the same middleware, bot and error handler.
/// </summary>
public sealed class FaqBotAdapter : CloudAdapter, IHostedChannelTurns
{
    private readonly ClaimsIdentity hostedChannelIdentity;

    /// <param name="botAppId">The configured <c>MicrosoftAppId</c>; empty in the no-authentication mode.</param>
    public FaqBotAdapter(BotFrameworkAuthentication authentication, FaqProvider faq, ILogger<FaqBotAdapter> logger, string? botAppId = null)
        : base(authentication, logger)
    {
        ArgumentNullException.ThrowIfNull(faq);
        // The SDK builds the turn's connector and user-token clients from this identity and refuses an app id other
        // than the configured one; with no app id configured, an identity without claims is its anonymous mode.
        hostedChannelIdentity = string.IsNullOrWhiteSpace(botAppId) ? new ClaimsIdentity() : CreateClaimsIdentity(botAppId);
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed: {ActivityType} activity on channel {ChannelId}",
                LogField.Of(turnContext.Activity.Type), LogField.Of(turnContext.Activity.ChannelId));
            try
            {
                await turnContext.SendActivityAsync(faq.Current.Text(TextKeys.Apology));
            }
#pragma warning disable CA1031 // The apology is best effort: whatever fails here must not escape the error handler.
            catch (Exception apologyFailure)
#pragma warning restore CA1031
            {
                logger.LogWarning(apologyFailure, "Could not send the apology on channel {ChannelId}", LogField.Of(turnContext.Activity.ChannelId));
            }
        };
    }

    /// <summary>
    /// Runs one turn for an activity that arrived on a channel this app serves itself (the embedded Direct Line
    /// endpoint), whose caller has already authenticated the request. The activity is switched to
    /// <c>expectReplies</c>, so the replies are buffered and returned, and nothing is sent to its service URL.
    /// </summary>
    /// <returns>The bot's replies, in order, without ids or timestamps.</returns>
    public async Task<IList<Activity>> ProcessHostedChannelActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var request = new AuthenticateRequestResult
        {
            ClaimsIdentity = hostedChannelIdentity,
            ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(hostedChannelIdentity),
        };
        var response = await ProcessActivityAsync(request, activity, bot.OnTurnAsync, cancellationToken);
        return (response?.Body as ExpectedReplies)?.Activities ?? [];
    }

    /// <summary>
    /// Runs one turn for an activity a channel posted to <c>/api/messages</c>, already read and checked, authenticating
    /// it from its <c>Authorization</c> header as <c>CloudAdapter.ProcessAsync</c> does.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The header does not authenticate the activity.</exception>
    public Task<InvokeResponse> ProcessChannelActivityAsync(string authorization, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return ProcessActivityAsync(authorization, activity, bot.OnTurnAsync, cancellationToken);
    }
}
