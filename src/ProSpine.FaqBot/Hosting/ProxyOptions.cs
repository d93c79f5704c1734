namespace ProSpine.FaqBot.Hosting;

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
}
