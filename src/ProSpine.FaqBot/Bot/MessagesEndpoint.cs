using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProSpine.FaqBot.Edge;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework channel endpoint: what <c>CloudAdapter.ProcessAsync</c> does, except
/// that what the SDK would answer with a 500 or a bare status (an oversized or malformed body, an activity missing
/// its addresses, a malformed token, an unreachable token authority) gets a 4xx or 503 with a reason. Without
/// authentication it serves only this machine (see <see cref="MessagesOptions.AllowRemoteCallersWithoutAuthentication"/>).
/// </summary>
public static class MessagesEndpoint
{
    public const string Path = "/api/messages";

    public static async Task<IResult> HandleAsync(
        HttpContext context, FaqBotAdapter adapter, IBot bot, VerifiedChannel channel, IOptions<MessagesOptions> options, RejectionLog rejections)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        var openToAll = channel.AuthenticationEnabled || options.Value.AllowRemoteCallersWithoutAuthentication;
        if (!openToAll && !IsLoopback(context.Connection.RemoteIpAddress))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Local callers only",
                detail: "This bot runs without Bot Framework authentication (no MicrosoftAppId), so it serves only callers on its own machine, such as the Bot Framework Emulator.");
        var request = context.Request;
        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
            return TooLarge(limit);
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Activities are posted as application/json.");
        if (await BoundedBody.ReadAsync(request, limit, context.RequestAborted) is not { } body)
            return TooLarge(limit);
        request.Body = new MemoryStream(body, writable: false);

        // Parsed once, as the SDK's own endpoint does (its serializer settings), then checked and processed.
        var activity = await HttpHelper.ReadRequestAsync<Activity>(request);
        if (ActivityShape.Problem(activity) is { } problem)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: problem);
        // Unauthenticated, the caller names the URL the bot posts to: only this machine, or the bot is anyone's HTTP client.
        if (!openToAll && !IsLoopback(new Uri(activity!.ServiceUrl)))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity",
                detail: "Without authentication, 'serviceUrl' must be on this machine (localhost or a loopback address).");
        try
        {
            var invokeResponse = await adapter.ProcessChannelActivityAsync(request.Headers.Authorization.ToString(), activity!, bot, context.RequestAborted);
            await HttpHelper.WriteResponseAsync(context.Response, invokeResponse);
            return Results.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "A valid Bot Framework token is required.");
        }
        catch (Exception e) when (!context.Response.HasStarted && IsMalformedToken(e))
        {
            rejections.MalformedToken(e.GetType().Name);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "The Authorization header does not hold a valid Bot Framework token.");
        }
        catch (Exception e) when (!context.Response.HasStarted && IsAuthorityUnreachable(e))
        {
            rejections.AuthorityUnreachable(e.GetType().Name);
            context.Response.Headers.RetryAfter = "30";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cannot verify the token now",
                detail: "The Bot Framework token authority could not be reached. Try again later.");
        }
    }

    private static bool IsLoopback(System.Net.IPAddress? address) => address is not null && System.Net.IPAddress.IsLoopback(address);

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (System.Net.IPAddress.TryParse(url.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address));

    // The SDK lets the token library's parsing errors escape (IDX12741 "JWT must have three segments", base64 errors).
    private static bool IsMalformedToken(Exception e) => e is SecurityTokenException or ArgumentException or FormatException;

    // IDX20803: the OpenID metadata that holds the signing keys could not be fetched.
    private static bool IsAuthorityUnreachable(Exception e) =>
        e is InvalidOperationException && e.InnerException is IOException or HttpRequestException or TaskCanceledException;

    private static IResult TooLarge(int limit) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large", detail: $"Activities are limited to {limit} bytes.");
}
