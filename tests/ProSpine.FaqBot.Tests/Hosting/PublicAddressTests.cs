using System.Net;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Hosting;

/// <summary>
/// The review's Host header reflection and header findings, on a real Kestrel: public URLs come from configuration
/// or an allowed host, never from whatever Host a caller sends; no Server header; HSTS over https.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task A_host_outside_AllowedHosts_gets_400_and_no_token()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["AllowedHosts"] = "localhost;127.0.0.1" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Host = "evil.example";

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_public_origin_the_token_stream_url_and_policy_name_it_whatever_the_Host_header_says()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "*",
            ["ReverseProxy:PublicOrigin"] = "https://chat.clinic.example",
        });
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        tokenRequest.Headers.Host = "evil.example";
        using var tokenResponse = await server.Http.SendAsync(tokenRequest);
        var grant = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var startRequest = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        startRequest.Headers.Host = "evil.example";
        startRequest.Headers.Authorization = new("Bearer", (string)grant["token"]!);
        using var started = await server.Http.SendAsync(startRequest);
        var conversation = JObject.Parse(await started.Content.ReadAsStringAsync());
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        pageRequest.Headers.Host = "evil.example";
        using var page = await server.Http.SendAsync(pageRequest);

        Assert.Equal("https://chat.clinic.example/v3/directline", (string)grant["domain"]!);
        Assert.StartsWith("wss://chat.clinic.example/v3/directline/conversations/", (string)conversation["streamUrl"]!, StringComparison.Ordinal);
        var policy = page.Content.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("wss://chat.clinic.example", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_response_names_the_server_software()
    {
        await using var server = LiveBotServer.Start();

        using var response = await server.Http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Over_https_from_a_trusted_proxy_responses_carry_HSTS_and_over_http_they_do_not()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["AllowedHosts"] = "chat.clinic.example",
        });
        using var https = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        https.Headers.Host = "chat.clinic.example";
        https.Headers.Add("X-Forwarded-Proto", "https");
        https.Headers.Add("X-Forwarded-For", "198.51.100.20");
        using var http = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        http.Headers.Host = "chat.clinic.example";

        using var secure = await server.Http.SendAsync(https);
        using var plain = await server.Http.SendAsync(http);

        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Web_Chat_from_another_host_needs_its_integrity_hash_and_the_embed_script_carries_it()
    {
        const string url = "https://cdn.example/webchat.js";
        await using var missing = new BotApplicationFactory(new Dictionary<string, string?> { ["Widget:WebChatScriptUrl"] = url });
        await using var given = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["Widget:WebChatScriptUrl"] = url,
            ["Widget:WebChatScriptIntegrity"] = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
        });

        var failure = Record.Exception(() => missing.CreateClient());
        using var client = given.CreateClient();
        var script = await client.GetStringAsync(new Uri("/widget/embed.js", UriKind.Relative));

        Assert.Contains("WebChatScriptIntegrity", failure?.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"webChatIntegrity\":\"sha384-oqVuAfXRKap7fdgcCY5uykM6\\u002BR9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"", script, StringComparison.Ordinal);
    }
}
