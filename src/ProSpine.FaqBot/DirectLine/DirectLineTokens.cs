using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>What a presented token turned out to be.</summary>
public enum TokenStatus
{
    /// <summary>Missing, malformed, or not signed by this server's key.</summary>
    Invalid,

    /// <summary>Signed by this server but past its expiry.</summary>
    Expired,

    Valid,
}

/// <summary>The outcome of reading a token: for a signed token, the conversation it is bound to and its expiry.</summary>
public readonly record struct TokenCheck(TokenStatus Status, string? ConversationId, DateTimeOffset ExpiresAt)
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null, default);
}

/// <summary>
/// Issues and checks the embedded endpoint's tokens. A token is <c>base64url(payload).base64url(HMAC-SHA256)</c>
/// with payload <c>dl1|conversationId|expiryUnixSeconds</c>: it is bound to exactly one conversation, and nothing
/// but this server's key can make one. The key is <see cref="DirectLineOptions.SigningKey"/>, or random per process.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Version = "dl1";
    private const int MaxTokenLength = 512;

    private readonly byte[] key;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signingKey = options.Value.SigningKey;
        key = string.IsNullOrEmpty(signingKey) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(signingKey);
        lifetime = options.Value.TokenLifetime;
        this.time = time;
    }

    public TimeSpan Lifetime => lifetime;

    /// <summary>A new, unguessable conversation id (URL-safe, no separators used by tokens or activity ids).</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A token for <paramref name="conversationId"/>, valid for <see cref="Lifetime"/> from now.</summary>
    public string Issue(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{conversationId}|{expires}"));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>Reads a token; never throws on bad input.</summary>
    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return TokenCheck.Invalid;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token.AsSpan(0, dot), out var payload) || !TryDecode(token.AsSpan(dot + 1), out var signature))
            return TokenCheck.Invalid;
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
            return TokenCheck.Invalid;

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expirySeconds))
            return TokenCheck.Invalid;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expirySeconds);
        var status = time.GetUtcNow() < expiresAt ? TokenStatus.Valid : TokenStatus.Expired;
        return new TokenCheck(status, parts[1], expiresAt);
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        // TryDecodeFromChars throws on some malformed input (an impossible length), so validate first.
        if (!Base64Url.IsValid(text, out var length))
        {
            bytes = [];
            return false;
        }
        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out _);
    }
}
