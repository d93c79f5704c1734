using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Signs the feedback buttons of an answer, so that a vote counts only for an answer that conversation received: the
/// tag is a truncated HMAC-SHA256 over (channel id, conversation id, entry id) under a key drawn at random when the
/// process starts. Nothing is stored per conversation. Buttons from before a restart no longer verify, so those
/// votes are thanked but not counted; so are votes that reach another instance of the bot.
/// </summary>
public sealed class FeedbackTags
{
    /// <summary>Bytes of the HMAC kept: 96 bits, 16 characters in the button's value.</summary>
    public const int TagBytes = 12;

    private readonly byte[] key;

    public FeedbackTags()
        : this(RandomNumberGenerator.GetBytes(32))
    {
    }

    public FeedbackTags(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
            throw new ArgumentException("A feedback key has at least 32 bytes.", nameof(key));
        this.key = key;
    }

    /// <summary>The tag of the feedback buttons on <paramref name="entryId"/>'s answer in this conversation.</summary>
    public string For(string? channelId, string? conversationId, string entryId) =>
        Base64Url.EncodeToString(Compute(channelId, conversationId, entryId));

    /// <summary>Whether <paramref name="tag"/> was made by <see cref="For"/> for the same channel, conversation and entry.</summary>
    public bool Verify(string? tag, string? channelId, string? conversationId, string entryId)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 2 * TagBytes)
            return false;
        var given = new byte[TagBytes];
        if (!Base64Url.TryDecodeFromChars(tag, given, out var written) || written != TagBytes)
            return false;
        return CryptographicOperations.FixedTimeEquals(given, Compute(channelId, conversationId, entryId));
    }

    private byte[] Compute(string? channelId, string? conversationId, string entryId)
    {
        // Lengths first, so that no two (channel, conversation, entry) triples make the same input.
        var message = Encoding.UTF8.GetBytes(string.Join('\n', (channelId ?? "").Length, (conversationId ?? "").Length, channelId, conversationId, entryId));
        return HMACSHA256.HashData(key, message)[..TagBytes];
    }
}
