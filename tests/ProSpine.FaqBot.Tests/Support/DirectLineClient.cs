using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// A Direct Line 3.0 client that makes the HTTP and WebSocket calls Bot Framework Web Chat 4.18 makes, with the
/// bodies it sends, and fails the test on an unexpected status.
/// </summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string TokenPath = "/api/directline/token";
    public const string Base = "/v3/directline";

    public async Task<TokenGrant> GetTokenAsync() => await ReadAsync<TokenGrant>(await SendAsync(HttpMethod.Post, TokenPath, token: null));

    /// <summary>A token from the token endpoint, then <c>POST /conversations</c> with it, as Web Chat starts.</summary>
    public async Task<ConversationGrant> StartAsync(string userId = "dl_visitor")
    {
        var grant = await GetTokenAsync();
        var body = new JObject { ["user"] = new JObject { ["id"] = userId } };
        return await ReadAsync<ConversationGrant>(await SendAsync(HttpMethod.Post, $"{Base}/conversations", grant.Token, body.ToString()));
    }

    public async Task<ActivitySet> GetActivitiesAsync(ConversationGrant conversation, string? watermark = null) =>
        await ReadAsync<ActivitySet>(await SendAsync(HttpMethod.Get, ActivitiesPath(conversation.ConversationId, watermark), conversation.Token));

    /// <summary>Posts a message as Web Chat does (clientActivityID, ClientCapabilities); returns the activity id.</summary>
    public async Task<string> PostMessageAsync(ConversationGrant conversation, string text, string clientActivityId)
    {
        var response = await SendAsync(HttpMethod.Post, ActivitiesPath(conversation.ConversationId), conversation.Token, WebChatMessage(text, clientActivityId));
        return (await ReadAsync<JObject>(response))["id"]!.Value<string>()!;
    }

    public async Task<ConversationGrant> ResumeAsync(ConversationGrant conversation, string? watermark = null) =>
        await ReadAsync<ConversationGrant>(await SendAsync(HttpMethod.Get,
            $"{Base}/conversations/{conversation.ConversationId}{(watermark is null ? "" : "?watermark=" + watermark)}", conversation.Token));

    public async Task<ConversationGrant> RefreshAsync(string token) =>
        await ReadAsync<ConversationGrant>(await SendAsync(HttpMethod.Post, $"{Base}/tokens/refresh", token));

    /// <summary>A raw call: the caller checks the status.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; WebChat/4.18.1)");
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    public static string ActivitiesPath(string conversationId, string? watermark = null) =>
        $"{Base}/conversations/{conversationId}/activities{(watermark is null ? "" : "?watermark=" + watermark)}";

    /// <summary>The body of a message as Web Chat 4.18 posts it.</summary>
    public static string WebChatMessage(string text, string clientActivityId, string userId = "dl_visitor") => new JObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = userId, ["name"] = "", ["role"] = "user" },
        ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId, ["clientTimestamp"] = "2026-01-05T09:00:00.000Z" },
        ["entities"] = new JArray(new JObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true, ["supportsListening"] = true, ["supportsTts"] = true }),
        ["timestamp"] = "2026-01-05T09:00:00.000Z",
    }.ToString(Formatting.None);

    /// <summary>Opens a conversation's stream the way a browser does: the token is in the URL, no headers.</summary>
    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return socket;
    }

    /// <summary>The next activity set pushed on the stream, or null when the server closed it.</summary>
    public static async Task<ActivitySet?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonConvert.DeserializeObject<ActivitySet>(Encoding.UTF8.GetString(message.ToArray()));
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
            return JsonConvert.DeserializeObject<T>(body)!;
        }
    }
}

public sealed record TokenGrant(string Token, string Domain, string ConversationId, [property: JsonProperty("expires_in")] int ExpiresIn);

public sealed record ConversationGrant(string ConversationId, string Token, [property: JsonProperty("expires_in")] int ExpiresIn, string? StreamUrl);

public sealed record ActivitySet(IList<Activity> Activities, string Watermark);

/// <summary>The status and body of a refused call.</summary>
public static class Refusal
{
    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
