using System.Net;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.DirectLine;

/// <summary>The token endpoint in the scale-out mode: Azure Direct Line tokens, against a loopback fake of its API.</summary>
public sealed class AzureDirectLineTokenClientTests
{
    private const string Secret = "azure-direct-line-secret-for-tests";

    [Fact]
    public async Task The_token_endpoint_exchanges_the_secret_with_azure_and_returns_azures_token_and_domain_but_never_the_secret()
    {
        await using var azure = await AzureDirectLineStub.StartAsync();
        await using var server = LiveBotServer.Start(AzureSettings(azure.Url));

        var (status, body) = await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.TokenPath, token: null));

        Assert.Equal(HttpStatusCode.OK, status);
        var grant = JObject.Parse(body);
        Assert.Equal(AzureDirectLineStub.IssuedToken, grant["token"]!.Value<string>());
        Assert.Equal(AzureDirectLineStub.IssuedConversationId, grant["conversationId"]!.Value<string>());
        Assert.Equal($"{azure.Url}/v3/directline", grant["domain"]!.Value<string>());
        Assert.Equal(3600, grant["expires_in"]!.Value<int>());
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        var (path, authorization) = Assert.Single(azure.Received);
        Assert.Equal("/v3/directline/tokens/generate", path);
        Assert.Equal($"Bearer {Secret}", authorization);
    }

    [Fact]
    public async Task A_token_service_that_fails_gives_502_with_a_reason()
    {
        await using var azure = await AzureDirectLineStub.StartAsync();
        azure.Status = 500;
        await using var server = LiveBotServer.Start(AzureSettings(azure.Url));

        var (status, body) = await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.TokenPath, token: null));

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("TokenServiceUnavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_token_service_gives_502()
    {
        await using var server = LiveBotServer.Start(AzureSettings("http://127.0.0.1:9"));

        var (status, _) = await Refusal.ReadAsync(await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.TokenPath, token: null));

        Assert.Equal(HttpStatusCode.BadGateway, status);
    }

    [Fact]
    public async Task With_azure_configured_the_embedded_endpoint_is_not_served()
    {
        await using var azure = await AzureDirectLineStub.StartAsync();
        await using var server = LiveBotServer.Start(AzureSettings(azure.Url));

        using var response = await server.Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "any-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string?> AzureSettings(string endpoint) => new()
    {
        ["DirectLine:AzureSecret"] = Secret,
        ["DirectLine:AzureEndpoint"] = endpoint,
    };
}
