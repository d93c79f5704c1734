using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// The bot's authentication with one test token standing in for a Bot Connector token the SDK verified: a request
/// bearing <see cref="Token"/> gets the identity the SDK gives a verified channel token (issuer, audience, the
/// federation authentication type); any other request is refused as the SDK refuses it. Everything else (connector
/// factory, clients) is the real configuration-based authentication.
/// </summary>
public sealed class TeamsTokenAuthentication(IConfiguration configuration) : ConfigurationBotFrameworkAuthentication(configuration)
{
    public const string AppId = "5b0c1f2e-3d4a-4b6c-8d7e-9f0a1b2c3d4e";
    public const string Token = "verified-teams-token";

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (authHeader != "Bearer " + Token)
            throw new UnauthorizedAccessException("Not a verified channel token.");
        var identity = new ClaimsIdentity(
            [
                new Claim(AuthenticationConstants.AudienceClaim, AppId),
                new Claim("iss", AuthenticationConstants.ToBotFromChannelTokenIssuer),
                new Claim(AuthenticationConstants.ServiceUrlClaim, activity.ServiceUrl),
            ],
            "AuthenticationTypes.Federation");
        return Task.FromResult(new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            Audience = AuthenticationConstants.ToChannelFromBotOAuthScope,
            ConnectorFactory = CreateConnectorFactory(identity),
        });
    }

    /// <summary>Settings of a bot with authentication on, for this app id.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-replies-are-expected",
    };
}
