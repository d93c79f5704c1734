using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Bot;

/// <summary>Limits of <c>POST /api/messages</c> and of the bot's calls back to channels, bound from the <c>Messages</c> section.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>Larger request bodies get 413. Channel activities are a few kilobytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Timeout of every outbound HTTP call the Bot Framework SDK makes (replies to a channel's serviceUrl, token and
    /// OpenID metadata fetches), so an unreachable network cannot hold a request for the default 100 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan OutboundTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Without a <c>MicrosoftAppId</c> nobody's identity is checked, so by default <c>/api/messages</c> then serves
    /// only callers on this machine (the Bot Framework Emulator, the evaluation script) and replies only to loopback
    /// service URLs. True opens it to every caller that can reach it: only on a network you trust, for a test.
    /// </summary>
    public bool AllowRemoteCallersWithoutAuthentication { get; set; }
}
