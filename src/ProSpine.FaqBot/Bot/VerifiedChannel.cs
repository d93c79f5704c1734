using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Whether the bot checks Bot Framework tokens (a <c>MicrosoftAppId</c> is configured) and whether a turn's sender was
/// actually verified by one. Without an app id (the Emulator's no-authentication mode) anyone can claim any channel,
/// tenant or service URL, so nothing that needs to know who is asking may run.
/// </summary>
public sealed class VerifiedChannel(string? botAppId)
{
    /// <summary>True when <c>/api/messages</c> requires a valid channel token.</summary>
    public bool AuthenticationEnabled { get; } = !string.IsNullOrWhiteSpace(botAppId);

    /// <summary>
    /// True when this turn came with a channel token the SDK validated (signature, issuer, audience, the channel's
    /// endorsement): not the anonymous identity of the no-authentication mode, nor the unsigned identity of the
    /// channels this app hosts itself.
    /// </summary>
    public bool IsVerified(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var identity = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey);
        return AuthenticationEnabled
            && identity is { IsAuthenticated: true }
            && identity.AuthenticationType != AuthenticationConstants.AnonymousAuthType
            && identity.FindFirst(AuthenticationConstants.AudienceClaim) is not null;
    }
}
