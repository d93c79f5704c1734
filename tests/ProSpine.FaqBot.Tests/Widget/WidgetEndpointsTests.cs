using System.Net;
using System.Text.RegularExpressions;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Widget;

public sealed partial class WidgetEndpointsTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory factory;

    public WidgetEndpointsTests(BotApplicationFactory factory) => this.factory = factory;

    [Fact]
    public async Task The_demo_page_carries_a_strict_policy_whose_nonce_is_on_its_only_script()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NoncePattern().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script src=\"/widget/embed.js\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var again = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.NotEqual(policy, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_embed_script_carries_the_curated_texts_as_escaped_json()
    {
        using var client = factory.CreateClient();
        var script = await client.GetStringAsync(new Uri("/widget/embed.js", UriKind.Relative));

        Assert.DoesNotContain("/*CONFIG*/", script, StringComparison.Ordinal);
        Assert.Contains($"\"launcher\":\"{FixtureFaq.Text(TextKeys.WidgetLauncher)}\"", script, StringComparison.Ordinal);
        Assert.Contains("\"color\":\"#00587c\"", script, StringComparison.Ordinal);
        // The "&" in the fixture's greeting is escaped, as any markup in a curated text would be.
        var greeting = FixtureFaq.Text(TextKeys.WidgetGreeting);
        Assert.Contains('&', greeting);
        Assert.Contains(greeting.Replace("&", "\\u0026", StringComparison.Ordinal), script, StringComparison.Ordinal);
        Assert.Contains("\"tokenPath\":\"/api/directline/token\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embed_script_names_the_emergency_and_crisis_call_buttons_in_every_language()
    {
        using var client = factory.CreateClient();
        var script = await client.GetStringAsync(new Uri("/widget/embed.js", UriKind.Relative));

        Assert.Contains("\"urgent\":[\"Call 911\",\"Call 988\",\"Llamar al 911\",\"Llamar al 988\"]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_get_an_icon_and_monitors_a_head_of_the_demo_page()
    {
        using var client = factory.CreateClient();

        using var icon = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        using var pageRequest = new HttpRequestMessage(HttpMethod.Head, "/");
        using var head = await client.SendAsync(pageRequest);
        using var iconRequest = new HttpRequestMessage(HttpMethod.Head, "/favicon.ico");
        using var iconHead = await client.SendAsync(iconRequest);

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        // An ICO directory (reserved 0, type 1) holding one image.
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0 }, (await icon.Content.ReadAsByteArrayAsync())[..6]);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, iconHead.StatusCode);
    }

    [Fact]
    public async Task The_embed_script_stays_far_below_the_twenty_kilobyte_budget()
    {
        using var client = factory.CreateClient();
        var script = await client.GetByteArrayAsync(new Uri("/widget/embed.js", UriKind.Relative));

        Assert.InRange(script.Length, 1, 20 * 1024);
    }

    [Fact]
    public async Task A_site_can_point_the_widget_at_another_copy_of_web_chat()
    {
        using var custom = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["Widget:WebChatScriptUrl"] = "https://cdn.example.org/webchat/4.18.1/webchat.js",
            ["Widget:WebChatScriptIntegrity"] = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
        });
        using var client = custom.CreateClient();

        var script = await client.GetStringAsync(new Uri("/widget/embed.js", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("\"webChatUrl\":\"https://cdn.example.org/webchat/4.18.1/webchat.js\"", script, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(" https://cdn.example.org;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Widget:FrameAncestors:0", "https://example.org; script-src *")]
    [InlineData("Widget:BrandColor", "red")]
    [InlineData("Widget:WebChatScriptUrl", "http://cdn.example.org/webchat.js")]
    public void Unsafe_widget_settings_stop_start_up(string key, string value)
    {
        using var custom = new BotApplicationFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => custom.CreateClient());
        Assert.Contains("Widget", error.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
