using System.Net;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Api;

/// <summary>
/// The security review's attacks on the no-authentication mode (blank <c>MicrosoftAppId</c>), replayed: claiming to
/// be Teams staff, making the bot post to a chosen URL, and forging log lines.
/// </summary>
public sealed class NoAuthenticationModeTests
{
    private const string RemoteCaller = "203.0.113.50";

    private static readonly Dictionary<string, string?> ClinicStaff = new() { ["Staff:TenantIds:0"] = TestBots.StaffTenant };

    [Fact]
    public async Task Without_authentication_a_message_claiming_the_staff_tenant_on_Teams_gets_no_staff_report()
    {
        await using var factory = new BotApplicationFactory(ClinicStaff);
        using var client = factory.CreateClient();

        foreach (var command in new[] { "unanswered", "feedback", "help" })
        {
            var reply = Assert.Single(await Activities.PostExpectingRepliesAsync(client, Activities.Teams(command, "personal", TestBots.StaffTenant)));

            Assert.DoesNotContain("Staff commands", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Unanswered", reply.Text, StringComparison.Ordinal);
            Assert.Equal(FixtureFaq.Answerer().Answer(command).Text, reply.Text);
        }
    }

    [Fact]
    public async Task With_authentication_a_staff_command_without_a_valid_token_is_refused_with_401()
    {
        var settings = TeamsTokenAuthentication.Settings();
        settings["Staff:TenantIds:0"] = TestBots.StaffTenant;
        await using var factory = new BotApplicationFactory(settings,
            services: services => services.AddSingleton<BotFrameworkAuthentication, TeamsTokenAuthentication>());
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            Activities.Json(Activities.Teams("unanswered", "personal", TestBots.StaffTenant)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Unanswered", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_authentication_a_caller_from_another_machine_gets_403_and_the_bot_posts_nowhere()
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        await using var target = await ChannelStub.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = Activities.Json(Activities.Message("how long does the pump last", serviceUrl: target.Url.TrimEnd('/') + "/internal-admin/", expectReplies: false)),
        };
        request.Headers.Add(TestClientAddress.Header, RemoteCaller);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only callers on its own machine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(target.Received);
    }

    [Theory]
    [InlineData("http://10.0.0.5:4399/internal-admin/")]
    [InlineData("http://metadata.internal/")]
    [InlineData("https://example.org/")]
    public async Task Without_authentication_a_service_url_off_this_machine_is_refused(string serviceUrl)
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            Activities.Json(Activities.Message("how long does the pump last", serviceUrl: serviceUrl, expectReplies: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be on this machine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_mode_is_a_setting_someone_must_choose()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Messages:AllowRemoteCallersWithoutAuthentication"] = "true" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("how long does the pump last")) };
        request.Headers.Add(TestClientAddress.Header, RemoteCaller);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("emulator\nfail: forged entry")]
    [InlineData("emulator\u001b[31m")]
    public async Task A_channel_id_that_is_not_a_name_gets_400_and_never_reaches_a_log(string channelId)
    {
        var logs = new FakeLogCollector();
        await using var factory = new LoggedBot(logs, new Dictionary<string, string?>());
        using var client = factory.CreateClient();
        var message = Activities.Message("how long does the pump last");
        message.ChannelId = channelId;

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'channelId' must be a name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.AllText().Contains("forged", StringComparison.Ordinal) || record.AllText().Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_100_KB_channel_id_is_refused_before_it_is_logged()
    {
        var logs = new FakeLogCollector();
        await using var factory = new LoggedBot(logs, new Dictionary<string, string?>());
        using var client = factory.CreateClient();
        var message = Activities.Message("how long does the pump last");
        message.ChannelId = new string('c', 100_000);

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activities.Json(message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All(logs.GetSnapshot(), record => Assert.True(record.AllText().Length < 10_000, $"a log record of {record.AllText().Length} characters"));
    }
}

/// <summary>With authentication on, a flood of bad tokens must not write a log line each.</summary>
public sealed class BadTokenLogTests
{
    [Fact]
    public async Task Fifty_forged_tokens_write_at_most_one_line_of_each_kind_and_no_error_for_malformed_ones()
    {
        var logs = new FakeLogCollector();
        await using var factory = new LoggedBot(logs, TeamsTokenAuthentication.Settings());
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 25; i++)
        {
            statuses.Add(await PostAsync(client, "forged-" + i));
            // Well formed, from the Bot Connector's issuer: checking it needs the signing keys, which cannot be fetched here.
            statuses.Add(await PostAsync(client, Jwt(i)));
        }

        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable, status.ToString()));
        var records = logs.GetSnapshot();
        Assert.Single(records, record => record.AllText().Contains("malformed token", StringComparison.Ordinal));
        Assert.DoesNotContain(records, record => record.Level == LogLevel.Error && record.AllText().Contains("malformed", StringComparison.Ordinal));
        Assert.True(records.Count(record => record.AllText().Contains("token authority is unreachable", StringComparison.Ordinal)) <= 1);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Teams("help", "personal", TestBots.StaffTenant)) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Jwt(int i)
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("{\"alg\":\"RS256\",\"kid\":\"k" + i + "\",\"typ\":\"JWT\"}") + "." +
            Part("{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + TeamsTokenAuthentication.AppId + "\",\"exp\":9999999999}") + ".c2ln";
    }
}
