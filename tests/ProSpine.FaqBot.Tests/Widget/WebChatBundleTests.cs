using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Widget;

/// <summary>
/// Web Chat's bundle as a browser gets it from the bot on a real Kestrel: the URL the demo page's embed script names,
/// the encoding chosen by Accept-Encoding with its q-values, a year's caching and revalidation by ETag.
/// </summary>
public sealed partial class WebChatBundleTests(LiveBotServerFixture fixture) : IClassFixture<LiveBotServerFixture>
{
    private HttpClient Http => fixture.Server.Http;

    [WebChatFact]
    public async Task The_demo_page_leads_to_a_fingerprinted_bundle_that_is_cached_for_a_year()
    {
        var page = await Http.GetStringAsync(new Uri("/", UriKind.Relative));
        var embedScript = await Http.GetStringAsync(new Uri(EmbedScriptSource().Match(page).Groups[1].Value, UriKind.Relative));
        var url = WebChatUrl().Match(embedScript).Groups[1].Value;

        using var response = await GetAsync(url, acceptEncoding: null);

        Assert.Matches("^/webchat/webchat\\.[a-z0-9]+\\.js$", url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(WebChatBuild.Source), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl!;
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.False(cache.NoCache || cache.NoStore || cache.Private);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [WebChatTheory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.9", "br")]
    [InlineData("br;q=0.5, gzip;q=0.9", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task The_bundle_comes_in_the_encoding_the_client_prefers(string? acceptEncoding, string? expected)
    {
        using var response = await GetAsync(await BundleUrlAsync(), acceptEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(await File.ReadAllBytesAsync(WebChatBuild.Source), Decode(body, expected));
        if (expected is not null)
            Assert.InRange(body.Length, 1, new FileInfo(WebChatBuild.Source).Length / 3);
    }

    [WebChatTheory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData(null)]
    public async Task Each_encoding_is_revalidated_by_its_own_strong_etag(string? encoding)
    {
        var url = await BundleUrlAsync();
        using var first = await GetAsync(url, encoding);
        var etag = first.Headers.ETag!;

        using var again = await GetAsync(url, encoding, etag);
        using var otherEncoding = await GetAsync(url, encoding is null ? "gzip" : "identity", etag);

        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Contains("Accept-Encoding", again.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, otherEncoding.StatusCode);
        Assert.NotEqual(etag, otherEncoding.Headers.ETag);
    }

    [WebChatFact]
    public async Task The_unversioned_path_serves_the_same_bundle_revalidated_on_every_use()
    {
        using var versioned = await GetAsync(await BundleUrlAsync(), "br, gzip");
        using var unversioned = await GetAsync("/webchat/webchat.js", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, unversioned.StatusCode);
        Assert.True(unversioned.Headers.CacheControl?.NoCache);
        Assert.Equal(versioned.Headers.ETag, unversioned.Headers.ETag);
        Assert.Equal("br", unversioned.Content.Headers.ContentEncoding.Single());
    }

    [WebChatFact]
    public async Task A_page_still_naming_the_bundle_of_before_an_upgrade_is_sent_on_to_the_current_one()
    {
        var url = await BundleUrlAsync();

        using var stale = await GetAsync("/webchat/webchat.0123456789.js", "gzip");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(url, stale.RequestMessage?.RequestUri?.AbsolutePath);
    }

    private async Task<string> BundleUrlAsync() =>
        WebChatUrl().Match(await Http.GetStringAsync(new Uri("/widget/embed.js", UriKind.Relative))).Groups[1].Value;

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await Http.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null)
            return body;
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex EmbedScriptSource();

    [GeneratedRegex("\"webChatUrl\":\"([^\"]+)\"")]
    private static partial Regex WebChatUrl();
}
