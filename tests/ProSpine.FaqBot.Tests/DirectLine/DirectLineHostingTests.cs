using System.Net;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.DirectLine;

/// <summary>How the website chat is wired: CORS for the clinic's site, settings checked at start-up, on and off.</summary>
public sealed class DirectLineHostingTests
{
    private const string ClinicSite = "https://www.prospinepain.example";

    [Theory]
    [InlineData("/v3/directline/conversations/any/activities", "GET")]
    [InlineData("/v3/directline/conversations", "POST")]
    [InlineData("/api/directline/token", "POST")]
    public async Task A_preflight_from_an_allowed_site_gets_the_headers_web_chat_needs_and_a_max_age(string path, string method)
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = ClinicSite });

        using var response = await server.Http.SendAsync(Preflight(path, method, ClinicSite));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(ClinicSite, Header(response, "Access-Control-Allow-Origin"));
        var allowedHeaders = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["authorization", "content-type", "x-ms-bot-agent", "x-requested-with"]), allowedHeaders);
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task A_preflight_from_another_site_gets_no_allow_origin()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = ClinicSite });

        using var response = await server.Http.SendAsync(Preflight("/v3/directline/conversations", "POST", "https://elsewhere.example"));

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_poll_from_an_allowed_site_is_readable_by_the_page()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = ClinicSite });
        var conversation = await server.Client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, DirectLineClient.ActivitiesPath(conversation.ConversationId));
        request.Headers.Authorization = new("Bearer", conversation.Token);
        request.Headers.Add("Origin", ClinicSite);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClinicSite, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_an_app_id_configured_the_embedded_endpoint_still_answers_without_calling_out()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        var conversation = await server.Client.StartAsync();

        var id = await server.Client.PostMessageAsync(conversation, "how long does a pain pump last", "client-app-id");

        var activities = (await server.Client.GetActivitiesAsync(conversation)).Activities;
        Assert.Contains("automated", activities[0].Text, StringComparison.Ordinal);
        Assert.Equal(id, activities[1].Id);
        Assert.Contains(FixtureFaq.LifespanAnswer, activities[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_the_token_and_direct_line_endpoints_are_not_served()
    {
        await using var server = LiveBotServer.Start(new Dictionary<string, string?> { ["DirectLine:Enabled"] = "false" });

        using var token = await server.Client.SendAsync(HttpMethod.Post, DirectLineClient.TokenPath, token: null);
        using var start = await server.Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "any-token");

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Theory]
    [InlineData("DirectLine:AllowedOrigins:0", "https://www.prospinepain.example/chat")]
    [InlineData("DirectLine:AllowedOrigins:0", "*")]
    [InlineData("DirectLine:TokenLifetime", "00:05:00")]
    [InlineData("DirectLine:SigningKey", "too-short")]
    [InlineData("DirectLine:MaxConversations", "0")]
    [InlineData("DirectLine:AzureEndpoint", "ftp://directline.example")]
    public async Task A_bad_setting_stops_start_up_with_its_name(string key, string value)
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key.Split(':')[1], string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string path, string method, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
