using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Edge;
using ProSpine.FaqBot.Telemetry;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// The HTTP face of the website chat: the token endpoint, and the subset of Direct Line 3.0 that Bot Framework Web
/// Chat uses. Every Direct Line call needs a token bound to one conversation: a missing or forged token gets 401, an
/// expired one or one for another conversation 403, and a conversation that ended or never started 404. Errors have
/// Direct Line's shape, <c>{"error":{"code","message"}}</c>.
/// </summary>
public static class DirectLineEndpoints
{
    public const string TokenPath = "/api/directline/token";
    public const string BasePath = "/v3/directline";
    public const string CorsPolicy = "DirectLine";

    /// <summary>The longest user id accepted from a client.</summary>
    public const int MaxUserIdLength = 256;

    /// <summary>Maps the token endpoint, and the embedded Direct Line endpoint when <paramref name="embedded"/>.</summary>
    public static void MapDirectLineEndpoints(this IEndpointRouteBuilder routes, bool embedded)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // What creates work is rate-limited per client; reading (polls, resume, the stream) is not, because Web Chat
        // stops for good after one failed poll.
        const string limited = RateLimitingOptions.PublicPolicy;
        if (!embedded)
        {
            routes.MapPost(TokenPath, ExchangeAzureTokenAsync).RequireCors(CorsPolicy).RequireRateLimiting(limited);
            return;
        }
        routes.MapPost(TokenPath, IssueToken).RequireCors(CorsPolicy).RequireRateLimiting(limited);
        var directLine = routes.MapGroup(BasePath).RequireCors(CorsPolicy);
        // The stream checks its token itself: a browser cannot send headers on a WebSocket upgrade (see its type).
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineWebSocket.ConnectAsync);
        var authorized = directLine.MapGroup("").AddEndpointFilter<DirectLineAccessFilter>();
        authorized.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(limited);
        authorized.MapGet("/conversations/{conversationId}", ResumeConversation);
        authorized.MapGet("/conversations/{conversationId}/activities", GetActivities);
        authorized.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(limited);
        authorized.MapPost("/tokens/refresh", RefreshToken).RequireRateLimiting(limited);
    }

    /// <summary><c>POST /api/directline/token</c>: a token for a new embedded conversation, and where to use it.</summary>
    internal static IResult IssueToken(HttpContext context, DirectLineTokens tokens)
    {
        var conversationId = DirectLineTokens.NewConversationId();
        return NoStore(context, Results.Json(new TokenGrant(tokens.Issue(conversationId), DirectLineUrl(context.Request).AbsoluteUri,
            conversationId, (int)tokens.Lifetime.TotalSeconds)));
    }

    /// <summary><c>POST /api/directline/token</c> with Azure configured: an Azure Direct Line token; the secret stays here.</summary>
    internal static async Task<IResult> ExchangeAzureTokenAsync(HttpContext context, AzureDirectLineTokenClient azure)
    {
        var token = await azure.GenerateAsync(context.RequestAborted);
        return token is null
            ? Error(StatusCodes.Status502BadGateway, "TokenServiceUnavailable", "The Azure Direct Line token service did not issue a token.")
            : NoStore(context, Results.Json(new TokenGrant(token.Token, azure.Domain.AbsoluteUri, token.ConversationId, token.ExpiresIn)));
    }

    /// <summary><c>POST /conversations</c>: starts the token's conversation (welcome included), or returns it if live.</summary>
    internal static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokens tokens, ConversationStore store,
        DirectLineChannel channel, IBot bot, IOptions<DirectLineOptions> options, BotMetrics metrics)
    {
        var conversationId = DirectLineAccess.Of(context).ConversationId;

        if (await ReadTextAsync(context.Request, options.Value.MaxActivityBytes, context.RequestAborted) is not { } body)
            return TooLarge(options.Value.MaxActivityBytes);
        var (userId, badBody) = StartingUserId(body);
        if (badBody is not null)
            return badBody;

        var (conversation, started, refusal) = store.FindOrStart(conversationId, ConversationStore.ClientKey(context.Connection.RemoteIpAddress));
        if (conversation is null)
        {
            metrics.ConversationRefused(atClientCap: refusal == StartRefusal.ClientFull);
            return Refused(context, refusal, options.Value.RecentlyActive);
        }
        if (started)
            await channel.StartAsync(conversation, userId, ServiceUrl(context.Request), bot);
        var response = ConversationResponse(context.Request, tokens, conversation, watermark: null);
        return NoStore(context, started ? Results.Json(response, statusCode: StatusCodes.Status201Created) : Results.Json(response));
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: resume; a fresh token and a stream URL from that watermark.</summary>
    internal static IResult ResumeConversation(HttpContext context, string? watermark, DirectLineTokens tokens)
    {
        var conversation = DirectLineAccess.Of(context).Conversation!;
        return NoStore(context, Results.Json(ConversationResponse(context.Request, tokens, conversation, watermark)));
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=</c>: the activities after the watermark (polling).</summary>
    internal static IResult GetActivities(HttpContext context, string? watermark)
    {
        var conversation = DirectLineAccess.Of(context).Conversation!;
        return NoStore(context, Results.Text(DirectLineJson.ActivitySet(conversation.Read(watermark)), "application/json", Encoding.UTF8));
    }

    /// <summary><c>POST /conversations/{id}/activities</c>: sends an activity to the bot; answers <c>{"id"}</c> after the turn.</summary>
    internal static async Task<IResult> PostActivityAsync(HttpContext context, DirectLineChannel channel, IBot bot, IOptions<DirectLineOptions> options)
    {
        var conversation = DirectLineAccess.Of(context).Conversation!;
        if (await ReadTextAsync(context.Request, options.Value.MaxActivityBytes, context.RequestAborted) is not { } body)
            return TooLarge(options.Value.MaxActivityBytes);
        if (DirectLineJson.TryReadActivity(body) is not { } posted)
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON activity with a type.");
        if (posted.From?.Id?.Length > MaxUserIdLength)
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"from.id is longer than {MaxUserIdLength} characters.");
        var (activity, status, problem) = ClientActivity.Take(posted, options.Value.MaxTextLength);
        if (activity is null)
            return Error(status, status == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument", problem!);

        var id = await channel.PostAsync(conversation, activity, ServiceUrl(context.Request), bot);
        return Results.Json(new ActivityId(id));
    }

    /// <summary><c>POST /tokens/refresh</c>: a new token for the same conversation; an expired token gets 403.</summary>
    internal static IResult RefreshToken(HttpContext context, DirectLineTokens tokens)
    {
        var conversationId = DirectLineAccess.Of(context).ConversationId;
        return NoStore(context, Results.Json(new ConversationGrant(conversationId, tokens.Issue(conversationId), (int)tokens.Lifetime.TotalSeconds, null)));
    }

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorDetail(code, message)), statusCode: status);

    /// <summary>The base URL clients use for this server's Direct Line endpoint.</summary>
    internal static Uri DirectLineUrl(HttpRequest request) => new(PublicAddress.BaseOf(request).AbsoluteUri.TrimEnd('/') + BasePath);

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    private static ConversationGrant ConversationResponse(HttpRequest request, DirectLineTokens tokens, DirectLineConversation conversation, string? watermark)
    {
        var token = tokens.Issue(conversation.Id);
        var directLine = DirectLineUrl(request);
        var stream = new UriBuilder(directLine)
        {
            Scheme = directLine.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Port = directLine.IsDefaultPort ? -1 : directLine.Port,
        };
        stream.Path += $"/conversations/{Uri.EscapeDataString(conversation.Id)}/stream";
        var query = new QueryBuilder();
        if (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var mark))
            query.Add("watermark", mark.ToString(CultureInfo.InvariantCulture));
        query.Add("t", token);
        stream.Query = query.ToQueryString().Value!.TrimStart('?');
        return new ConversationGrant(conversation.Id, token, (int)tokens.Lifetime.TotalSeconds, stream.Uri.AbsoluteUri);
    }

    /// <summary>The user id of a conversation start's body, <c>{"user":{"id":...}}</c>; an empty body names nobody.</summary>
    private static (string UserId, IResult? Failure) StartingUserId(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (DirectLineChannel.DefaultUserId, null);
        if (DirectLineJson.TryReadStartRequest(body) is not { } start)
            return (string.Empty, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object such as {\"user\":{\"id\":\"...\"}}."));
        var userId = start.User?.Id is { Length: > 0 } id ? id : DirectLineChannel.DefaultUserId;
        return userId.Length > MaxUserIdLength
            ? (string.Empty, Error(StatusCodes.Status400BadRequest, "BadArgument", $"user.id is longer than {MaxUserIdLength} characters."))
            : (userId, null);
    }

    /// <summary>The service URL the bot sees on embedded activities: this endpoint. Replies never go there (expectReplies).</summary>
    private static Uri ServiceUrl(HttpRequest request) => DirectLineUrl(request);

    /// <summary>The body as text, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        await BoundedBody.ReadAsync(request, limit, cancellationToken) is { } body ? Encoding.UTF8.GetString(body) : null;

    private static IResult Refused(HttpContext context, StartRefusal refusal, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return refusal == StartRefusal.ClientFull
            ? Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "This address has as many open conversations as it may. Close one, or try again later.")
            : Error(StatusCodes.Status503ServiceUnavailable, "ConversationsFull", "The chat is busy. Please try again in a few minutes.");
    }

    private static IResult TooLarge(int limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit} bytes.");

    private static IResult NoStore(HttpContext context, IResult result)
    {
        // Responses carry tokens or a conversation's messages: no cache may keep them.
        context.Response.Headers.CacheControl = "no-store";
        return result;
    }

    /// <summary>The token endpoint's answer: the token, the Direct Line base URL to use it with, and its conversation.</summary>
    internal sealed record TokenGrant(string Token, string Domain, string ConversationId,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    internal sealed record ConversationGrant(string ConversationId, string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl);

    internal sealed record ActivityId(string Id);

    internal sealed record ErrorResponse(ErrorDetail Error);

    internal sealed record ErrorDetail(string Code, string Message);
}
