using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProSpine.FaqBot.LoadTest.DirectLine;

/// <summary>A conversation started on the embedded endpoint: its id, the token to use, its stream and its user.</summary>
internal sealed record StartedConversation(string ConversationId, string Token, Uri StreamUrl, string UserId);

/// <summary>
/// The calls Bot Framework Web Chat makes on the bot's embedded Direct Line 3.0 endpoint, with the bodies it sends.
/// A refused or unanswered call throws <see cref="LoadFailure"/> naming the call and the status.
/// </summary>
internal sealed class DirectLineApi(HttpClient http, Uri botUrl, TimeSpan timeout)
{
    /// <summary>A token from the site's token endpoint, then <c>POST /v3/directline/conversations</c>, as Web Chat starts.</summary>
    public async Task<StartedConversation> StartAsync(string userId)
    {
        var grant = await SendAsync("token", HttpMethod.Post, "api/directline/token", token: null, body: null);
        var body = new JsonObject { ["user"] = new JsonObject { ["id"] = userId } };
        var started = await SendAsync("start", HttpMethod.Post, "v3/directline/conversations", Required(grant, "token"), body);
        return new StartedConversation(Required(started, "conversationId"), Required(started, "token"), new Uri(Required(started, "streamUrl")), userId);
    }

    /// <summary>Posts a message as Web Chat 4.18 does (its <c>clientActivityID</c> in channelData); returns the activity id.</summary>
    public async Task<string> PostMessageAsync(StartedConversation conversation, string text, string clientActivityId)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = conversation.UserId, ["name"] = "", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true }),
        };
        var posted = await SendAsync("post", HttpMethod.Post, ActivitiesPath(conversation, watermark: null), conversation.Token, message);
        return Required(posted, "id");
    }

    /// <summary>The activities after <paramref name="watermark"/> (all with null), and the next watermark.</summary>
    public async Task<(IReadOnlyList<SeenActivity> Activities, string? Watermark)> GetActivitiesAsync(StartedConversation conversation, string? watermark)
    {
        using var request = Request(HttpMethod.Get, ActivitiesPath(conversation, watermark), conversation.Token, body: null);
        return SeenActivity.ReadSet(await ReadAsync("poll", request));
    }

    private async Task<JsonElement> SendAsync(string call, HttpMethod method, string path, string? token, JsonNode? body)
    {
        using var request = Request(method, path, token, body);
        using var document = JsonDocument.Parse(await ReadAsync(call, request));
        return document.RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? token, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, new Uri(botUrl, path));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private async Task<byte[]> ReadAsync(string call, HttpRequestMessage request)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return response.IsSuccessStatusCode ? body : throw new LoadFailure($"{call}: HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException)
        {
            throw new LoadFailure($"{call}: timeout");
        }
        catch (HttpRequestException e)
        {
            throw new LoadFailure($"{call}: {e.HttpRequestError}");
        }
    }

    private static string ActivitiesPath(StartedConversation conversation, string? watermark) =>
        $"v3/directline/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/activities"
        + (watermark is null ? string.Empty : "?watermark=" + Uri.EscapeDataString(watermark));

    private static string Required(JsonElement response, string name) =>
        response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new LoadFailure($"response without {name}");
}
