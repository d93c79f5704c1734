using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Edge;

/// <summary>
/// Per-client limits on the public endpoints (Direct Line, its token endpoint, and <c>/api/messages</c>), bound from
/// the <c>RateLimiting</c> section. A token bucket per client address: a burst of <see cref="BurstLimit"/> requests,
/// refilled at <see cref="RequestsPerMinute"/>; <c>/api/messages</c> with authentication on has its own allowance.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>The policy name public endpoints require.</summary>
    public const string PublicPolicy = "public";

    /// <summary>False turns the limits off (for load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// True exempts every request from this machine. Off by default: behind a reverse proxy on the same host every
    /// client arrives from loopback, and would be exempt too.
    /// </summary>
    public bool ExemptLoopback { get; set; }

    /// <summary>
    /// Exempts the tools of this machine itself (the Emulator, the evaluation script): requests from loopback that
    /// carry no forwarding header. A proxy always adds one (<c>X-Forwarded-For</c>, which the trusted-proxy step
    /// turns into <c>X-Original-For</c>), so the clients it relays stay limited.
    /// </summary>
    public bool ExemptLocalTools { get; set; } = true;

    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    [Range(1, 100_000)]
    public int BurstLimit { get; set; } = 60;

    /// <summary>The policy of <c>/api/messages</c> when it checks channel tokens.</summary>
    public const string ChannelPolicy = "channel";

    /// <summary>
    /// The allowance per address of <c>/api/messages</c> with authentication on, checked before the token: the
    /// Bot Connector service sends every Teams and Azure Web Chat message from a few addresses, so it is larger.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChannelRequestsPerMinute { get; set; } = 3000;

    [Range(1, 1_000_000)]
    public int ChannelBurstLimit { get; set; } = 600;
}
