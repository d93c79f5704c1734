using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ProSpine.FaqBot.Hosting;

/// <summary>
/// Checks that a request body is an activity the Bot Framework adapter can process, so that malformed input gets a
/// 400 with a reason instead of failing inside the SDK with a 500.
/// </summary>
public static class ActivityShape
{
    /// <summary>Why <paramref name="body"/> is not a processable activity, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> body)
    {
        JToken json;
        try
        {
            json = JToken.Parse(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (JsonReaderException)
        {
            return "The body is not valid JSON.";
        }
        if (json is not JObject activity)
            return "The body must be a JSON object (an activity).";
        if (activity["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
            return "The activity has no 'type'.";
        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "The activity needs 'serviceUrl', an absolute http(s) URL.";
        foreach (var account in (string[])["conversation", "from", "recipient"])
        {
            if (activity[account] is not JObject value || value["id"] is not JValue { Type: JTokenType.String } id || string.IsNullOrWhiteSpace((string?)id))
                return $"The activity needs '{account}' with an 'id'.";
        }
        if (activity["text"] is { Type: not (JTokenType.String or JTokenType.Null) })
            return "The activity's 'text' must be a string.";
        return null;
    }
}
