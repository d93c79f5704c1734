using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Bot;

/// <summary>The Azure Bot's identity settings are checked when the host starts, not when a channel first calls.</summary>
public sealed class BotIdentityTests
{
    [Theory]
    [InlineData("MicrosoftAppId", "my-bot", null, null)]
    [InlineData("MicrosoftAppPassword", "", "a-secret", null)]
    [InlineData("MicrosoftAppType", "00000000-0000-0000-0000-000000000001", "a-secret", "SomeTenant")]
    [InlineData("MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000001", "a-secret", "SingleTenant")]
    public async Task A_bad_identity_setting_stops_start_up_with_its_name(string named, string appId, string? password, string? appType)
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppType"] = appType,
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_tenant_bot_with_its_tenant_starts()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000002",
        });

        using var client = factory.CreateClient();
        var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode, health.StatusCode.ToString());
    }
}
