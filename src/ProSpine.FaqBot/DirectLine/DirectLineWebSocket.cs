using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// A conversation's WebSocket stream (<c>streamUrl</c>): pushes <c>{"activities":[...],"watermark":"N"}</c> frames
/// from the watermark in the URL on, as activities are appended. Browsers cannot put headers on a WebSocket upgrade,
/// so the token comes in the URL (<c>t=</c>). What the client sends (Web Chat's empty keep-alive frames) only marks
/// the conversation as in use. The stream closes when the client closes it, when its token expires (Web Chat then
/// resumes with its refreshed token), when the conversation is discarded, or when the server stops.
/// </summary>
public sealed class DirectLineWebSocket
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket socket;
    private readonly DirectLineConversation conversation;
    private readonly TimeProvider time;
    private readonly byte[] receiveBuffer = new byte[256];

    private DirectLineWebSocket(WebSocket socket, DirectLineConversation conversation, TimeProvider time)
    {
        this.socket = socket;
        this.conversation = conversation;
        this.time = time;
    }

    /// <summary><c>GET /conversations/{id}/stream?t=&amp;watermark=</c>: upgrades to a WebSocket after the usual token checks.</summary>
    internal static async Task<IResult> ConnectAsync(HttpContext context, string conversationId, string? watermark, string? t,
        DirectLineTokens tokens, ConversationStore store, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DirectLineWebSocket> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return DirectLineEndpoints.Error(StatusCodes.Status400BadRequest, "BadArgument", "This URL takes a WebSocket connection.");
        if (DirectLineAccess.Check(t ?? DirectLineEndpoints.BearerToken(context.Request), conversationId, tokens, store, out var access) is { } failure)
            return failure;
        var conversation = access!.Conversation!;
        if (!conversation.TryOpenStream())
            return DirectLineEndpoints.Error(StatusCodes.Status429TooManyRequests, "TooManyStreams", "This conversation has as many open streams as it may.");

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var reason = await new DirectLineWebSocket(socket, conversation, time)
                .PumpAsync(watermark, access.Token.ExpiresAt, context.RequestAborted, lifetime.ApplicationStopping);
            logger.LogDebug("Direct Line stream closed: {Reason}", reason);
        }
        finally
        {
            conversation.CloseStream();
        }
        return Results.Empty;
    }

    /// <param name="aborted">The connection is gone: socket calls are abandoned.</param>
    /// <param name="stopping">The server is stopping: the stream is closed properly.</param>
    private async Task<string> PumpAsync(string? watermark, DateTimeOffset tokenExpiry, CancellationToken aborted, CancellationToken stopping)
    {
        // Ends at the token's expiry, or early (cancelled) when the server stops or the loop ends.
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var tokenExpired = Task.Delay(Max(tokenExpiry - time.GetUtcNow(), TimeSpan.Zero), time, expiry.Token);
        var received = socket.ReceiveAsync(receiveBuffer, aborted);
        try
        {
            while (true)
            {
                // Taken before reading, so an activity appended between the read and the wait still wakes this loop.
                var appended = conversation.NextAppend();
                var slice = conversation.Read(watermark);
                watermark = slice.Watermark.ToString(CultureInfo.InvariantCulture);
                if (slice.Activities.Count > 0)
                    await socket.SendAsync(Encoding.UTF8.GetBytes(DirectLineJson.ActivitySet(slice)), WebSocketMessageType.Text, endOfMessage: true, aborted);
                if (slice.Watermark < conversation.Watermark)
                    continue; // A read is bounded in bytes: the rest goes in the next message.

                var woke = await Task.WhenAny(appended, received, tokenExpired, conversation.Ended);
                if (woke == received)
                {
                    if ((await received).MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
                        return "closed by the client";
                    }
                    conversation.Touch(time.GetUtcNow());
                    received = socket.ReceiveAsync(receiveBuffer, aborted);
                }
                else if (stopping.IsCancellationRequested)
                {
                    await CloseAsync(received, WebSocketCloseStatus.EndpointUnavailable, "server stopping");
                    return "server stopping";
                }
                else if (woke == tokenExpired)
                {
                    await CloseAsync(received, WebSocketCloseStatus.NormalClosure, "token expired");
                    return "token expired";
                }
                else if (woke == conversation.Ended)
                {
                    await CloseAsync(received, WebSocketCloseStatus.NormalClosure, "conversation ended");
                    return "conversation ended";
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            return "connection lost";
        }
        finally
        {
            await expiry.CancelAsync();
        }
    }

    /// <summary>Sends the close frame and gives the client a moment to answer it (the pending receive sees the reply).</summary>
    private async Task CloseAsync(Task<WebSocketReceiveResult> received, WebSocketCloseStatus status, string description)
    {
        try
        {
            await socket.CloseOutputAsync(status, description, CancellationToken.None);
            // Network time, not the conversation clock: a real timeout whatever clock the app runs on.
            await received.WaitAsync(CloseHandshakeTimeout);
        }
        catch (Exception e) when (e is TimeoutException or WebSocketException or OperationCanceledException)
        {
            // The connection is gone or the client did not answer the close in time: it is dropped all the same.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
