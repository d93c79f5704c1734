using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Widget;

/// <summary>The website chat widget and the bot's own pages, bound from the <c>Widget</c> section.</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>The launcher's and header's background, and Web Chat's accent colour: white text must read on it.</summary>
    [Required, RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string BrandColor { get; set; } = "#00587c";

    /// <summary>
    /// Content-Security-Policy <c>frame-ancestors</c> sources: the sites allowed to show the bot's pages in a frame.
    /// The widget itself does not use a frame, so the default allows only this server.
    /// </summary>
    public IList<string> FrameAncestors { get; } = [];

    /// <summary>
    /// Where the widget loads Web Chat from when the bot does not serve the bundle (a build without Node.js), for example
    /// <c>https://cdn.botframework.com/botframework-webchat/4.18.1/webchat.js</c>. Empty: the bot's own copy.
    /// </summary>
    public string? WebChatScriptUrl { get; set; }

    /// <summary>
    /// The Subresource Integrity hash of <see cref="WebChatScriptUrl"/> (<c>sha384-…</c>), required with it: the
    /// browser then refuses a file the other host changed. Compute it with
    /// <c>curl -s URL | openssl dgst -sha384 -binary | openssl base64 -A</c>.
    /// </summary>
    public string? WebChatScriptIntegrity { get; set; }

    internal bool HasValidWebChatScriptUrl() =>
        string.IsNullOrEmpty(WebChatScriptUrl)
        || (Uri.TryCreate(WebChatScriptUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps);

    internal bool HasIntegrityForExternalWebChat() =>
        string.IsNullOrEmpty(WebChatScriptUrl)
        || (WebChatScriptIntegrity is { } integrity
            && System.Text.RegularExpressions.Regex.IsMatch(integrity, "^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>Sources are single CSP tokens: no separators that could end the directive or the header.</summary>
    internal bool HasValidFrameAncestors() =>
        FrameAncestors.All(s => s.Length > 0 && !s.Any(c => c is ';' or ',' or '\r' or '\n' || char.IsWhiteSpace(c)));
}
