using Microsoft.Bot.Schema;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// Checks that a deserialised activity is one the Bot Framework adapter can process, so that malformed input gets a
/// 400 with a reason instead of failing inside the SDK with a 500.
/// </summary>
public static class ActivityShape
{
    /// <summary>Why <paramref name="activity"/> cannot be processed, or null when it can.</summary>
    public static string? Problem(Activity? activity)
    {
        if (activity is null)
            return "The body is not a JSON activity.";
        if (string.IsNullOrWhiteSpace(activity.Type))
            return "The activity has no 'type'.";
        if (!LogField.IsName(activity.Type))
            return $"'type' must be a name of at most {LogField.MaxLength} letters, digits, '.', '-' or '_'.";
        if (!string.IsNullOrEmpty(activity.ChannelId) && !LogField.IsName(activity.ChannelId))
            return $"'channelId' must be a name of at most {LogField.MaxLength} letters, digits, '.', '-' or '_'.";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "The activity needs 'serviceUrl', an absolute http(s) URL.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            return "The activity needs 'conversation' with an 'id'.";
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
            return "The activity needs 'from' with an 'id'.";
        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id))
            return "The activity needs 'recipient' with an 'id'.";
        return null;
    }
}
