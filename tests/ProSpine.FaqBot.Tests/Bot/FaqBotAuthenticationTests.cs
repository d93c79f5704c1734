using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ProSpine.FaqBot.Bot;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Bot;

public sealed class FaqBotAuthenticationTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory factory;

    public FaqBotAuthenticationTests(BotApplicationFactory factory) => this.factory = factory;

    [Fact]
    public async Task The_bot_gives_its_turns_a_user_token_client_that_refuses_to_sign_anyone_in()
    {
        var authentication = factory.Services.GetRequiredService<BotFrameworkAuthentication>();

        using var client = await authentication.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);

        Assert.IsType<FaqBotAuthentication>(authentication);
        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetUserTokenAsync("user", "connection", "emulator", null, CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.SignOutUserAsync("user", "connection", "emulator", CancellationToken.None));
    }

    [Fact]
    public async Task The_client_a_turn_disposed_still_serves_the_next_turn()
    {
        var authentication = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        var first = await authentication.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);
        first.Dispose();

        using var next = await authentication.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);

        await Assert.ThrowsAsync<NotSupportedException>(() => next.GetTokenStatusAsync("user", "emulator", null, CancellationToken.None));
    }
}
