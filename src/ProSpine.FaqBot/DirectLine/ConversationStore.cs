using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Telemetry;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>Why a conversation could not start.</summary>
public enum StartRefusal
{
    None,

    /// <summary>The store is at <see cref="DirectLineOptions.MaxConversations"/> and every conversation is in use.</summary>
    StoreFull,

    /// <summary>The client is at <see cref="DirectLineOptions.MaxConversationsPerClient"/> and each of its conversations is in use.</summary>
    ClientFull,
}

/// <summary>A conversation found or started, or why none could start.</summary>
public readonly record struct ConversationStart(DirectLineConversation? Conversation, bool Started, StartRefusal Refusal);

/// <summary>
/// The embedded endpoint's live conversations, bounded three ways: a conversation idle for
/// <see cref="DirectLineOptions.IdleTimeout"/> is gone (dropped when next looked up, or by <see cref="RemoveIdle"/>);
/// there are never more than <see cref="DirectLineOptions.MaxConversations"/>, nor more than
/// <see cref="DirectLineOptions.MaxConversationsPerClient"/> from one client; and all of them together keep at most
/// <see cref="DirectLineOptions.MaxStoreBytes"/> of activities. At a cap, the least recently used conversation gives
/// way only when it has been quiet for <see cref="DirectLineOptions.RecentlyActive"/> (an open Web Chat page polls
/// every second or holds a stream); otherwise the newcomer is refused, so a flood cannot end a patient's chat.
/// Lookups are lock-free; starting and discarding take a lock so the counts never overshoot. Thread-safe.
/// </summary>
public sealed class ConversationStore : ILiveConversations
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock admission = new();
    private readonly DirectLineOptions options;
    private readonly ConversationLimits limits;
    private readonly TimeProvider time;
    private readonly ILogger<ConversationStore> logger;

    public ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        limits = ConversationLimits.From(this.options);
        Bytes = new KeptBytes(this.options.MaxStoreBytes);
        this.time = time;
        this.logger = logger;
    }

    public int Count => conversations.Count;

    /// <summary>The bytes of activities every live conversation keeps together.</summary>
    public KeptBytes Bytes { get; }

    /// <summary>The live conversation with this id, marked as used; null when it never started or was discarded.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!conversations.TryGetValue(conversationId, out var conversation))
            return null;
        var now = time.GetUtcNow();
        if (IsIdle(conversation, now))
        {
            Remove(conversation);
            return null;
        }
        conversation.Touch(now);
        return conversation;
    }

    /// <summary>
    /// The conversation with this id, started now for <paramref name="client"/> (see <see cref="ClientKey"/>) if it is
    /// not live; <c>Started</c> says which, and <c>Refusal</c> why none could start.
    /// </summary>
    public ConversationStart FindOrStart(string conversationId, string client = "")
    {
        if (Find(conversationId) is { } live)
            return new(live, false, StartRefusal.None);
        lock (admission)
        {
            if (Find(conversationId) is { } raced)
                return new(raced, false, StartRefusal.None);
            // Counted, not tracked: one pass over at most MaxConversations, and only when a conversation starts.
            if (Live().Count(c => c.Client == client) >= options.MaxConversationsPerClient
                && !TryEvictQuietest(Live().Where(c => c.Client == client)))
                return new(null, false, StartRefusal.ClientFull);
            if (conversations.Count >= options.MaxConversations && RemoveIdle() == 0 && !TryEvictQuietest(Live()))
            {
                logger.LogWarning("Direct Line conversation cap {Max} reached with every conversation in use: refused a new one", options.MaxConversations);
                return new(null, false, StartRefusal.StoreFull);
            }
            var conversation = new DirectLineConversation(conversationId, limits, Bytes, time.GetUtcNow(), client);
            conversations[conversationId] = conversation;
            return new(conversation, true, StartRefusal.None);
        }
    }

    /// <summary>Discards every conversation idle for longer than the idle timeout; returns how many.</summary>
    public int RemoveIdle()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var (_, conversation) in conversations)
        {
            if (IsIdle(conversation, now) && Remove(conversation))
                removed++;
        }
        if (removed > 0)
            logger.LogInformation("Discarded {Count} idle Direct Line conversations; {Live} live", removed, conversations.Count);
        return removed;
    }

    /// <summary>
    /// The client a request counts against: its address, or for IPv6 its /64 (what one household or device is
    /// given, so a client cannot dodge the cap by changing the low bits).
    /// </summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    // Enumerating the dictionary itself takes no lock; its Values property would lock every bucket to copy them.
    private IEnumerable<DirectLineConversation> Live() => conversations.Select(pair => pair.Value);

    private bool TryEvictQuietest(IEnumerable<DirectLineConversation> candidates)
    {
        var now = time.GetUtcNow();
        var quietest = candidates.Where(c => !IsRecentlyActive(c, now)).MinBy(c => c.LastUsed);
        if (quietest is null || !Remove(quietest))
            return false;
        logger.LogInformation("Direct Line cap reached: discarded the least recently used conversation, quiet for {QuietMinutes:F1} min",
            (now - quietest.LastUsed).TotalMinutes);
        return true;
    }

    private bool IsRecentlyActive(DirectLineConversation conversation, DateTimeOffset now) =>
        conversation.HasOpenStreams || now - conversation.LastUsed <= options.RecentlyActive;

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) =>
        !conversation.HasOpenStreams && now - conversation.LastUsed > options.IdleTimeout;

    private bool Remove(DirectLineConversation conversation)
    {
        // Removes this exact instance: a conversation restarted under the same id in the meantime stays.
        if (!conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
            return false;
        conversation.End();
        return true;
    }
}
