using System.Security.Cryptography;
using ProSpine.FaqBot.Edge;

namespace ProSpine.FaqBot.Widget;

/// <summary>
/// Response headers for the bot's pages. The demo page's Content-Security-Policy is strict and works with Web Chat:
/// scripts only from this server (or the configured Web Chat URL) with a per-response nonce, Web Chat's styles through
/// the same nonce plus the hash of the empty style it inserts, and connections back to this server over HTTP and
/// WebSocket.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The SHA-256 of an empty string: Web Chat inserts an empty &lt;style&gt; element.</summary>
    private const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /// <summary>Headers every response gets.</summary>
    public static void AddCommon(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>The policy for an HTML page served with <paramref name="nonce"/>.</summary>
    public static string PagePolicy(HttpRequest request, string nonce, WidgetOptions options, IEnumerable<string> extraConnectSources)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var site = PublicAddress.BaseOf(request);
        var webSocket = $"{(site.Scheme == Uri.UriSchemeHttps ? "wss" : "ws")}://{site.Authority}";
        var scripts = $"'self' 'nonce-{nonce}'";
        if (Uri.TryCreate(options.WebChatScriptUrl, UriKind.Absolute, out var webChat))
            scripts += " " + webChat.GetLeftPart(UriPartial.Authority);
        var frameAncestors = options.FrameAncestors.Count > 0 ? string.Join(' ', options.FrameAncestors) : "'self'";
        string[] directives =
        [
            "default-src 'none'",
            $"script-src {scripts}",
            $"style-src 'self' 'nonce-{nonce}' {EmptyStyleHash}",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob:",
            $"connect-src {string.Join(' ', new[] { "'self'", webSocket }.Concat(extraConnectSources))}",
            $"frame-ancestors {frameAncestors}",
            "base-uri 'none'",
            "form-action 'self'",
        ];
        return string.Join("; ", directives);
    }
}
