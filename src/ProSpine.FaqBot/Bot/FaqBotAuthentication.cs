using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The bot's Bot Framework authentication: <see cref="ConfigurationBotFrameworkAuthentication"/> (<c>MicrosoftAppId</c>,
/// <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c> from configuration), except that
/// turns get no user-token client. This bot signs nobody in (no OAuth card, no single sign-on), and the SDK builds that
/// client on every turn, used or not, at a cost that shows under load: its constructor compiles a dozen regular
/// expressions to clean its User-Agent header. Any sign-in call throws <see cref="NotSupportedException"/>.
/// </summary>
public sealed class FaqBotAuthentication(IConfiguration configuration, IHttpClientFactory httpClientFactory, ILogger<FaqBotAuthentication> logger)
    : ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClientFactory, logger: logger)
{
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(NoSignIn.Instance);

    /// <summary>A user-token client for a bot without sign-in: shared by every turn (disposing it frees nothing), refuses every call.</summary>
    private sealed class NoSignIn : UserTokenClient
    {
        public static readonly NoSignIn Instance = new();

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw Refusal();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw Refusal();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw Refusal();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) => throw Refusal();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw Refusal();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw Refusal();

        private static NotSupportedException Refusal() => new("This bot does not sign users in.");
    }
}
