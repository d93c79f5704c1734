using System.Text.Json;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>What the checks need of an activity a client received: who sent it, its ids, and Web Chat's own id.</summary>
internal sealed record SeenActivity(string? Id, string? Type, string? FromId, string? ReplyToId, string? ClientActivityId)
{
    /// <summary>The activities of a Direct Line activity set, <c>{"activities":[...],"watermark":"N"}</c>, and its watermark.</summary>
    public static (IReadOnlyList<SeenActivity> Activities, string? Watermark) ReadSet(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var activities = root.TryGetProperty("activities", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(Read).ToList()
            : [];
        return (activities, String(root, "watermark"));
    }

    private static SeenActivity Read(JsonElement activity) => new(
        String(activity, "id"),
        String(activity, "type"),
        activity.TryGetProperty("from", out var from) ? String(from, "id") : null,
        String(activity, "replyToId"),
        activity.TryGetProperty("channelData", out var channelData) ? String(channelData, "clientActivityID") : null);

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
