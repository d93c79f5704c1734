using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// The website chat's Direct Line 3.0 endpoint, bound from the <c>DirectLine</c> section. By default the bot serves
/// Direct Line itself (embedded, state in memory); with <see cref="AzureSecret"/> set, the token endpoint hands out
/// Azure Direct Line tokens instead and the embedded endpoint is not mapped.
/// </summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>Serve the token endpoint and, unless <see cref="AzureSecret"/> is set, the embedded endpoint.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an embedded token is valid. Web Chat refreshes its token every 15 minutes, so the lifetime must be
    /// longer than that.
    /// </summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation nobody has polled, posted to or kept a stream open on for this long is discarded.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Live conversations kept in memory. At the cap, starting one discards the least recently used conversation if
    /// it has been quiet for <see cref="RecentlyActive"/>; when every one is in use, the newcomer gets 503 and
    /// <c>Retry-After</c>.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>
    /// Live conversations one client may hold: one address, or one /64 for IPv6 (one household or device). At the
    /// cap, its own quiet conversations give way; when all are in use, 429.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConversationsPerClient { get; set; } = 20;

    /// <summary>
    /// A conversation polled, posted to or streamed within this time (or with a stream open) is never discarded to
    /// make room: a flood of new conversations cannot end a patient's open chat.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan RecentlyActive { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Activities kept per conversation; older ones are dropped (watermarks keep counting).</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 100;

    /// <summary>
    /// Bytes of activity JSON one conversation keeps in memory; older activities are dropped to stay under it.
    /// Counted on what is kept (UTF-16, two bytes a character).
    /// </summary>
    [Range(64 * 1024, 64L * 1024 * 1024)]
    public long MaxBytesPerConversation { get; set; } = 256 * 1024;

    /// <summary>
    /// Bytes of activity JSON all conversations keep together. Over it, a conversation that appends drops its own
    /// oldest activities, so memory stays bounded whatever the number of conversations.
    /// </summary>
    [Range(1024 * 1024, 16L * 1024 * 1024 * 1024)]
    public long MaxStoreBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most one poll or stream message hands out, in bytes kept; the client reads the rest next time.</summary>
    [Range(16 * 1024, 64L * 1024 * 1024)]
    public long MaxBytesPerRead { get; set; } = 64 * 1024;

    /// <summary>The largest activity a client may post, in bytes of JSON; larger ones get 413.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 16 * 1024;

    /// <summary>The longest message text a client may post, in characters; longer gets 413.</summary>
    [Range(100, 100_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Open WebSocket streams per conversation; one more gets 429.</summary>
    [Range(1, 64)]
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>
    /// Origins (scheme, host and port, as <c>https://www.example.org</c>) of the sites allowed to call the token
    /// and Direct Line endpoints from a browser. Empty: only pages served by the bot itself.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>An Azure Bot Direct Line secret. Set it to hand out Azure Direct Line tokens (scale-out).</summary>
    public string? AzureSecret { get; set; }

    /// <summary>The Azure Direct Line service; regional endpoints exist, such as europe.directline.botframework.com.</summary>
    [Required]
    public Uri AzureEndpoint { get; set; } = new("https://directline.botframework.com");

    /// <summary>
    /// The key that signs embedded tokens, at least 32 characters. Empty: a random key per process, so tokens die
    /// with the process, as the conversations held in memory do.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>True when tokens come from Azure Direct Line rather than the embedded endpoint.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(AzureSecret);

    /// <summary>The shortest <see cref="SigningKey"/> accepted: 32 characters, 256 bits for HMAC-SHA256 at best.</summary>
    public const int MinSigningKeyLength = 32;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < MinSigningKeyLength)
            yield return new ValidationResult($"DirectLine:SigningKey must be empty (a random key) or at least {MinSigningKeyLength} characters.", [nameof(SigningKey)]);
        if (!AzureEndpoint.IsAbsoluteUri || AzureEndpoint.Scheme is not ("https" or "http"))
            yield return new ValidationResult("DirectLine:AzureEndpoint must be an absolute http(s) URL.", [nameof(AzureEndpoint)]);
        foreach (var origin in AllowedOrigins.Where(o => !IsOrigin(o)))
            yield return new ValidationResult($"DirectLine:AllowedOrigins: '{origin}' is not an origin such as https://www.example.org (no path, no wildcard).", [nameof(AllowedOrigins)]);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && uri.GetLeftPart(UriPartial.Authority).Equals(value.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
