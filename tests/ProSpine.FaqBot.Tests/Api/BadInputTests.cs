using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Api;

/// <summary>
/// Malformed, oversized and hostile requests get a 4xx with a reason (or a polite reply), never a 5xx or a hang.
/// </summary>
public sealed class BadInputTests : IClassFixture<BotApplicationFactory>
{
    private const string Valid = """
        "serviceUrl":"http://127.0.0.1:9","deliveryMode":"expectReplies","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"recipient":{"id":"bot"}
        """;

    private readonly BotApplicationFactory factory;

    public BadInputTests(BotApplicationFactory factory) => this.factory = factory;

    public static TheoryData<string, string, HttpStatusCode, string> MalformedActivities => new()
    {
        { "empty body", "", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "JSON null", "null", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "JSON array", "[]", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "not JSON", "hello bot", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "truncated JSON", "{\"type\":\"message\",", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "empty object", "{}", HttpStatusCode.BadRequest, "'type'" },
        { "empty type", "{\"type\":\"\"," + Valid + "}", HttpStatusCode.BadRequest, "'type'" },
        { "no serviceUrl", "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}}", HttpStatusCode.BadRequest, "serviceUrl" },
        { "serviceUrl not a URL", "{\"type\":\"message\"," + Valid.Replace("http://127.0.0.1:9", "not a url", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "serviceUrl" },
        { "serviceUrl not http", "{\"type\":\"message\"," + Valid.Replace("http://127.0.0.1:9", "file:///etc/passwd", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "serviceUrl" },
        { "no conversation", "{\"type\":\"message\"," + Valid.Replace("\"conversation\":{\"id\":\"c1\"},", "", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "'conversation'" },
        { "conversation without id", "{\"type\":\"message\"," + Valid.Replace("{\"id\":\"c1\"}", "{}", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "'conversation'" },
        { "no from", "{\"type\":\"message\"," + Valid.Replace("\"from\":{\"id\":\"u1\"},", "", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "'from'" },
        { "from is a string", "{\"type\":\"message\"," + Valid.Replace("{\"id\":\"u1\"}", "\"u1\"", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "not a JSON activity" },
        { "no recipient", "{\"type\":\"message\"," + Valid.Replace(",\"recipient\":{\"id\":\"bot\"}", "", StringComparison.Ordinal) + "}", HttpStatusCode.BadRequest, "'recipient'" },
        { "nesting deeper than the parser allows", new string('[', 5000) + new string(']', 5000), HttpStatusCode.BadRequest, "not a JSON activity" },
    };

    [Theory]
    [MemberData(nameof(MalformedActivities))]
    public async Task A_malformed_activity_gets_400_with_a_reason(string why, string body, HttpStatusCode expected, string reason)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(expected == response.StatusCode, $"{why}: {response.StatusCode}");
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_get_400()
    {
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent([0x7B, 0xFF, 0xFE, 0x22, 0x7D]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("hi", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_whether_or_not_it_declares_its_length()
    {
        using var client = factory.CreateClient();
        var activity = Activities.Message(new string('a', 300 * 1024));
        using var declared = Activities.Json(activity);
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(activity))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var withLength = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), declared);
        using var withoutLength = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
    }

    [Fact]
    public async Task A_message_too_long_to_read_is_asked_to_be_shortened_not_matched()
    {
        using var client = factory.CreateClient();

        var replies = await Activities.PostExpectingRepliesAsync(client, Activities.Message(string.Concat(Enumerable.Repeat("how long does it last ", 60))));

        Assert.Contains("shorten", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert('x')</script> how long does the pump last")]
    [InlineData("**bold** [link](https://evil.example) zzqx-marker")]
    [InlineData("how long\u0000 does\u0007 the pump\u001b[31m last")]
    public async Task What_a_person_typed_is_never_echoed_back(string text)
    {
        using var client = factory.CreateClient();

        var reply = Assert.Single(await Activities.PostExpectingRepliesAsync(client, Activities.Message(text)));

        Assert.DoesNotContain("<script", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("zzqx", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', reply.Text);
        Assert.DoesNotContain('\u001b', reply.Text);
    }

    [Fact]
    public async Task Get_on_the_messages_endpoint_gets_405()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

/// <summary>With an app id configured, every unauthenticated request gets 401, however its token is malformed.</summary>
public sealed class BadTokenTests : IClassFixture<BadTokenTests.AuthenticatedBot>
{
    private readonly AuthenticatedBot factory;

    public BadTokenTests(AuthenticatedBot factory) => this.factory = factory;

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer !!!.???.###")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    public async Task A_missing_or_malformed_token_gets_401(string? authorization)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello")) };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class AuthenticatedBot() : BotApplicationFactory(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    });
}
