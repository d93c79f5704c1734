namespace ProSpine.FaqBot.Edge;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed, bound from the
/// <c>ReverseProxy</c> section. Empty (the default): forwarded headers are ignored, so a client cannot choose the
/// address its rate limit is counted under.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of trusted proxies, for example <c>10.0.0.4</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>
    /// The origin the public reaches the bot at, such as <c>https://chat.example.org</c>. The URLs the bot hands out
    /// (the Direct Line domain and stream URL in tokens, the page's Content-Security-Policy) are built from it, never
    /// from the request's <c>Host</c> header. Empty: from the request, which <c>AllowedHosts</c> then must bound.
    /// </summary>
    public Uri? PublicOrigin { get; set; }
}

/// <summary>Where the public reaches this bot: <see cref="ProxyOptions.PublicOrigin"/>, or else the request's own scheme and host.</summary>
public static class PublicAddress
{
    /// <summary>The public base address for <paramref name="request"/>, with its path base, ending without a slash.</summary>
    public static Uri BaseOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = request.HttpContext.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>()?.Value.PublicOrigin;
        return configured is not null
            ? new Uri(configured.GetLeftPart(UriPartial.Authority) + request.PathBase)
            : new Uri(Microsoft.AspNetCore.Http.Extensions.UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase));
    }
}
