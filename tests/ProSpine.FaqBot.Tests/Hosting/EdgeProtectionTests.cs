using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Hosting;

public sealed class EdgeProtectionTests
{
    private static readonly Dictionary<string, string?> TightLimits = new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:ExemptLoopback"] = "false",
        ["RateLimiting:ExemptLocalTools"] = "false",
        ["RateLimiting:BurstLimit"] = "3",
        ["RateLimiting:RequestsPerMinute"] = "6",
    };

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after()
    {
        await using var factory = new BotApplicationFactory(TightLimits);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(Activities.Message("how long does the pump last")));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Too many requests", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task The_website_chat_limits_new_conversations_but_never_a_poll()
    {
        await using var factory = new BotApplicationFactory(TightLimits);
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync();

        for (var i = 0; i < 10; i++)
            Assert.NotNull(await client.GetActivitiesAsync(conversation));
        using var token = await client.SendAsync(HttpMethod.Post, "/api/directline/token", token: null);
        using var again = await client.SendAsync(HttpMethod.Post, "/api/directline/token", token: null);

        // The burst of 3 went on the token and the start; polls did not count.
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotNull(again.Headers.RetryAfter);
    }

    [Fact]
    public async Task Limits_can_be_switched_off_for_load_tests()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?>(TightLimits) { ["RateLimiting:Enabled"] = "false" });

        using var client = factory.CreateClient();

        await AllTenAnsweredAsync(client);
    }

    [Fact]
    public async Task A_forwarded_address_does_not_buy_a_fresh_limit_unless_the_proxy_is_trusted()
    {
        await using var untrusted = LiveBotServer.Start(TightLimits);
        await using var trusted = LiveBotServer.Start(new Dictionary<string, string?>(TightLimits)
        {
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            // The forwarded clients are other machines, which the no-authentication mode refuses unless opened.
            ["Messages:AllowRemoteCallersWithoutAuthentication"] = "true",
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, await FourthRequestFromNewForwardedAddresses(untrusted.Http));
        Assert.Equal(HttpStatusCode.OK, await FourthRequestFromNewForwardedAddresses(trusted.Http));
    }

    [Fact]
    public async Task By_default_a_same_host_proxys_clients_are_limited_and_this_machines_own_tools_are_not()
    {
        var limits = new Dictionary<string, string?>(TightLimits);
        limits.Remove("RateLimiting:ExemptLoopback");
        limits.Remove("RateLimiting:ExemptLocalTools");
        await using var server = LiveBotServer.Start(new Dictionary<string, string?>(limits) { ["Messages:AllowRemoteCallersWithoutAuthentication"] = "true" });

        var relayed = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A proxy on this machine that is not listed as trusted: every client arrives from 127.0.0.1.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello")) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await server.Http.SendAsync(request);
            relayed.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, relayed[^1]);
        await AllTenAnsweredAsync(server.Http);
    }

    [Fact]
    public async Task With_authentication_forged_tokens_are_rate_limited_before_they_are_checked()
    {
        var settings = new Dictionary<string, string?>(TightLimits) { ["RateLimiting:ChannelBurstLimit"] = "3", ["RateLimiting:ChannelRequestsPerMinute"] = "6" };
        foreach (var (key, value) in TeamsTokenAuthentication.Settings())
            settings[key] = value;
        await using var factory = new BotApplicationFactory(settings, services: services =>
            services.AddSingleton<Microsoft.Bot.Connector.Authentication.BotFrameworkAuthentication, TeamsTokenAuthentication>());
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(Activities.Message("hello")));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Requests_from_this_machine_can_be_exempted_for_local_tools()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?>(TightLimits) { ["RateLimiting:ExemptLoopback"] = "true" });

        await AllTenAnsweredAsync(server.Http);
    }

    [Fact]
    public async Task Health_is_live_and_ready_once_the_faq_is_loaded()
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task A_rejected_faq_edit_makes_readiness_degraded_while_the_bot_still_answers()
    {
        using var faq = FixtureFaq.Copy();
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Faq:Path"] = faq.Directory });
        using var client = factory.CreateClient();
        var provider = (FaqProvider)factory.Services.GetService(typeof(FaqProvider))!;

        File.WriteAllText(Path.Combine(faq.Directory, "messages.yaml"), "en: [unclosed");
        Assert.False(provider.Reload());

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Single(await Activities.PostExpectingRepliesAsync(client, Activities.Message("how long does the pump last")));
    }

    /// <summary>Ten messages in a row, over a burst of three: every one answered.</summary>
    private static async Task AllTenAnsweredAsync(HttpClient client)
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(Activities.Message("hello")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<HttpStatusCode> FourthRequestFromNewForwardedAddresses(HttpClient client)
    {
        var status = HttpStatusCode.OK;
        for (var i = 1; i <= 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello")) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request);
            status = response.StatusCode;
        }
        return status;
    }
}
