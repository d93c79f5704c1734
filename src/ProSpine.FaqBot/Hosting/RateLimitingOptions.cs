using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Hosting;

/// <summary>
/// Per-client limits on the public endpoints (Direct Line, its token endpoint, and <c>/api/messages</c> when it runs
/// without authentication), bound from the <c>RateLimiting</c> section. A token bucket per client address: a burst of
/// <see cref="BurstLimit"/> requests, refilled at <see cref="RequestsPerMinute"/>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>The policy name public endpoints require.</summary>
    public const string PublicPolicy = "public";

    /// <summary>False turns the limits off (for load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests from this machine (the Emulator, the evaluation script, a developer's browser) are not limited. Behind
    /// a reverse proxy, list it in <c>ReverseProxy:KnownProxies</c> so that the real clients are.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;

    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    [Range(1, 100_000)]
    public int BurstLimit { get; set; } = 60;
}
