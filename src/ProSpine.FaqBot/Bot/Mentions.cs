using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The bot's own @mention removed from a message, tolerating what a client may send: a <c>mention</c> entity without
/// <c>mentioned</c>, one with neither <c>text</c> nor a name, or one that does not parse. The SDK's
/// <c>RemoveRecipientMention</c> throws on each of these.
/// </summary>
public static class Mentions
{
    public static string? WithoutRecipientMention(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(botId) || activity.Entities is not { } entities)
            return text;
        foreach (var entity in entities)
        {
            if (entity?.Type != "mention" || TryRead(entity) is not { } mention || mention.Mentioned?.Id != botId)
                continue;
            var written = !string.IsNullOrEmpty(mention.Text) ? mention.Text
                : !string.IsNullOrEmpty(mention.Mentioned.Name) ? $"<at>{mention.Mentioned.Name}</at>"
                : null;
            if (written is not null)
                text = text.Replace(written, "", StringComparison.OrdinalIgnoreCase);
        }
        return text.Trim();
    }

    private static Mention? TryRead(Entity entity)
    {
        try
        {
            return entity.GetAs<Mention>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
