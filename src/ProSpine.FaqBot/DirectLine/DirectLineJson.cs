using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// Activities in and out of the Direct Line endpoint. The Bot Schema types are annotated for Newtonsoft.Json
/// (System.Text.Json loses <c>channelData</c> and <c>entities</c>), so activities use it; the small fixed response
/// bodies use the framework's serializer.
/// </summary>
public static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
        MaxDepth = 32,
        // Date-like strings inside channelData and entities stay the text the client sent.
        DateParseHandling = DateParseHandling.None,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>The activity in <paramref name="json"/>, or null when it is not a JSON object with a type.</summary>
    public static Activity? TryReadActivity(string json) => TryRead<Activity>(json) is { Type.Length: > 0 } activity ? activity : null;

    /// <summary>The body of a conversation start, <c>{"user":{"id":...}}</c>, or null when it is not a JSON object.</summary>
    public static StartConversationRequest? TryReadStartRequest(string json) => TryRead<StartConversationRequest>(json);

    /// <summary>A Direct Line activity set: <c>{"activities":[...],"watermark":"N"}</c>, from stored activity JSON.</summary>
    public static string ActivitySet(ActivitySlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var json = new StringBuilder("{\"activities\":[");
        json.AppendJoin(',', slice.Activities);
        json.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{slice.Watermark}\"}}");
        return json.ToString();
    }

    private static T? TryRead<T>(string json)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a client may say when it starts a conversation: who the user is.</summary>
public sealed class StartConversationRequest
{
    [JsonProperty("user")]
    public ChannelAccount? User { get; set; }
}
