namespace ProSpine.FaqBot.Edge;

/// <summary>
/// A request body read whole, but never past a limit: <c>/api/messages</c> and the Direct Line endpoints refuse an
/// oversized body the same way. A declared <c>Content-Length</c> over the limit is refused before anything is read;
/// a body without one (chunked) is read at most one byte past the limit, so a client cannot make the server hold more.
/// </summary>
public static class BoundedBody
{
    /// <returns>The body, or null when it is longer than <paramref name="limit"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (request.ContentLength > limit)
            return null;
        // A declared length sizes the buffer; Kestrel ends the body there. Otherwise room for one byte too many.
        var buffer = new byte[request.ContentLength is { } declared ? (int)declared : limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            length += read;
        if (length > limit)
            return null;
        return length == buffer.Length ? buffer : buffer[..length];
    }
}
