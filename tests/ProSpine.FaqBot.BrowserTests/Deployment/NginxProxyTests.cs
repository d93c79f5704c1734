using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;

namespace ProSpine.FaqBot.BrowserTests.Deployment;

/// <summary>
/// The bot as the VM deployment runs it (docs/deploy.md): behind Debian's nginx with TLS, using the shipped site file,
/// with the settings of the shipped systemd unit.
/// </summary>
public sealed class NginxProxyTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Question = "how long does the pump last";

    [NginxFact]
    public async Task Through_nginx_the_widget_streams_over_wss_and_shows_the_sourced_answer()
    {
        var httpsPort = Nginx.FreePort();
        using var bot = StartBot(httpsPort);
        await using var nginx = await Nginx.StartAsync(bot.Address.Port, httpsPort);

        await using var context = await chromium.Browser.NewContextAsync(new() { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await page.GotoAsync(nginx.HttpsOrigin.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var transcript = await Transcript.OpenedAsync(page);
        await transcript.AskAsync(Question);

        await Assertions.Expect(transcript.Last).ToContainTextAsync("Pro Spine & Pain, updated");
        var stream = Assert.Single(sockets);
        Assert.StartsWith($"wss://localhost:{httpsPort}/v3/directline/conversations/", stream, StringComparison.Ordinal);
    }

    [NginxFact]
    public async Task Rate_limits_count_each_client_behind_nginx_and_believe_forwarded_headers_only_from_it()
    {
        var httpsPort = Nginx.FreePort();
        using var bot = StartBot(httpsPort, ("RateLimiting:BurstLimit", "3"), ("RateLimiting:RequestsPerMinute", "6"));
        await using var nginx = await Nginx.StartAsync(bot.Address.Port, httpsPort);
        var token = new Uri(nginx.HttpsOrigin, "/api/directline/token");

        // Two clients on different loopback addresses, both through nginx.
        using var first = From("127.0.0.2", nginx.CertificateThumbprint);
        using var second = From("127.0.0.4", nginx.CertificateThumbprint);
        var firstStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            firstStatuses.Add(await PostAsync(first, token));
        var secondStatus = await PostAsync(second, token);
        // A third goes round nginx straight to the bot, claiming a new forwarded address each time.
        using var direct = From("127.0.0.5", nginx.CertificateThumbprint);
        var directStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            directStatuses.Add(await PostAsync(direct, new Uri($"http://localhost:{bot.Address.Port}/api/directline/token"), forwardedFor: $"203.0.113.{i + 1}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstStatuses);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(HttpStatusCode.TooManyRequests, directStatuses[^1]);
    }

    /// <summary>The bot with the systemd unit's settings, its public names pointed at this test's nginx.</summary>
    private static LiveBot StartBot(int httpsPort, params (string Key, string Value)[] extra)
    {
        var state = Directory.CreateTempSubdirectory("faqbot-state-").FullName;
        var settings = SystemdUnit.Settings(
                ("https://chat.example.org", $"https://localhost:{httpsPort}"),
                ("AllowedHosts=chat.example.org", "AllowedHosts=localhost"),
                ("/var/lib/faqbot", state))
            .Where(setting => setting.Key != "Urls") // LiveBot listens on a free loopback port of its own.
            .Concat(extra)
            .ToArray();
        return LiveBot.With(settings);
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="localAddress"/> and that trusts the test's certificate only.</summary>
    private static HttpClient From(string localAddress, string thumbprint) => new(new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is System.Security.Cryptography.X509Certificates.X509Certificate2 { Thumbprint: var seen } && seen == thumbprint,
        },
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, Uri url, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
