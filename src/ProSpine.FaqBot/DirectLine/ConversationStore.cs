using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// The embedded endpoint's live conversations, bounded two ways: a conversation idle for
/// <see cref="DirectLineOptions.IdleTimeout"/> is gone (dropped when next looked up, or by <see cref="RemoveIdle"/>),
/// and there are never more than <see cref="DirectLineOptions.MaxConversations"/>. At the cap, starting a
/// conversation discards the least recently used one rather than refusing the newcomer: open Web Chat pages poll
/// every second or keep a stream alive, so the least recently used conversation is almost always an abandoned page.
/// Lookups are lock-free; starting and discarding take a lock so the count never overshoots. Thread-safe.
/// </summary>
public sealed class ConversationStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock admission = new();
    private readonly DirectLineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ConversationStore> logger;

    public ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    public int Count => conversations.Count;

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

    /// <summary>The conversation with this id, started now if it is not live; <c>Started</c> says which.</summary>
    public (DirectLineConversation Conversation, bool Started) FindOrStart(string conversationId)
    {
        if (Find(conversationId) is { } live)
            return (live, false);
        lock (admission)
        {
            if (Find(conversationId) is { } raced)
                return (raced, false);
            if (conversations.Count >= options.MaxConversations && RemoveIdle() == 0)
                EvictLeastRecentlyUsed();
            var conversation = new DirectLineConversation(conversationId, options.MaxActivitiesPerConversation,
                options.MaxStreamsPerConversation, time.GetUtcNow());
            conversations[conversationId] = conversation;
            return (conversation, true);
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

    private void EvictLeastRecentlyUsed()
    {
        var oldest = conversations.Select(pair => pair.Value).MinBy(c => c.LastUsed);
        if (oldest is not null && Remove(oldest))
            logger.LogWarning("Direct Line conversation cap {Max} reached: discarded the least recently used one", options.MaxConversations);
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) => now - conversation.LastUsed > options.IdleTimeout;

    private bool Remove(DirectLineConversation conversation)
    {
        // Removes this exact instance: a conversation restarted under the same id in the meantime stays.
        if (!conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
            return false;
        conversation.End();
        return true;
    }
}
