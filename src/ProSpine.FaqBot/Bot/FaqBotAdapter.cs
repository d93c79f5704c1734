using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Hosting;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The Bot Framework adapter with one constructor (so the container can build it) and a turn-error handler that logs
/// without message text and apologises to the person, never throwing itself: the channel may be the thing that failed.
/// </summary>
public sealed class FaqBotAdapter : CloudAdapter
{
    public FaqBotAdapter(BotFrameworkAuthentication authentication, FaqProvider faq, ILogger<FaqBotAdapter> logger)
        : base(authentication, logger)
    {
        ArgumentNullException.ThrowIfNull(faq);
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed: {ActivityType} activity on channel {ChannelId}",
                turnContext.Activity.Type, turnContext.Activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync(faq.Current.Text(MessageKeys.Apology));
            }
#pragma warning disable CA1031 // The apology is best effort: whatever fails here must not escape the error handler.
            catch (Exception apologyFailure)
#pragma warning restore CA1031
            {
                logger.LogWarning(apologyFailure, "Could not send the apology on channel {ChannelId}", turnContext.Activity.ChannelId);
            }
        };
    }
}
