using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ProSpine.FaqBot.Widget;

/// <summary>
/// Serves Bot Framework Web Chat's <c>webchat.js</c> (3.9 MB) from the npm package the build installs, compressed
/// once in memory (Brotli and gzip) and cached by browsers for a year under a versioned URL.
/// </summary>
public sealed partial class WebChatBundle
{
    private readonly Lazy<Task<Encodings?>> encodings;
    private readonly ILogger<WebChatBundle> logger;

    private sealed record Encodings(byte[] Plain, byte[] Gzip, byte[] Brotli, string ETag);

    public WebChatBundle(IOptions<WidgetOptions> options, ILogger<WebChatBundle> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        var configured = options.Value.WebChatBundlePath;
        FilePath = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "webchat", "webchat.js")
            : configured);
        var file = new FileInfo(FilePath);
        Version = file.Exists ? $"{file.Length:x}{file.LastWriteTimeUtc.Ticks:x}" : null;
        encodings = new Lazy<Task<Encodings?>>(() => Task.Run(Compress));
    }

    public string FilePath { get; }

    /// <summary>Changes whenever the file does, so the widget's URL for it can be cached forever; null when absent.</summary>
    public string? Version { get; }

    /// <summary>
    /// Starts reading and compressing in the background (once), so the first visitor who opens the chat does not wait
    /// for it. Not at start-up: a bot that never serves the widget never pays for it.
    /// </summary>
    public void Warm() => _ = encodings.Value;

    public async Task<IResult> ServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = await encodings.Value;
        if (bundle is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Web Chat bundle not installed",
                detail: "Build the bot with Node.js present (npm ci in ClientApp), or set Widget:WebChatScriptUrl.");

        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new("immutable") } };
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        context.Response.Headers.ETag = bundle.ETag;
        if (context.Request.Headers.IfNoneMatch == bundle.ETag)
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? (bundle.Brotli, "br")
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (bundle.Gzip, "gzip")
            : (bundle.Plain, null);
        if (encoding is not null)
            context.Response.Headers.ContentEncoding = encoding;
        return Results.Bytes(body, "text/javascript; charset=utf-8");
    }

    private async Task<Encodings?> Compress()
    {
        if (!File.Exists(FilePath))
        {
            LogMissing(FilePath);
            return null;
        }
        var plain = await File.ReadAllBytesAsync(FilePath);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(plain))[..16]}\"";
        return new Encodings(plain, Encode(plain, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Encode(plain, s => new BrotliStream(s, CompressionLevel.Optimal)), etag);
    }

    private static byte[] Encode(byte[] plain, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
            stream.Write(plain);
        return output.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web Chat bundle not found at {Path}: the widget needs Widget:WebChatScriptUrl, or a build with Node.js")]
    private partial void LogMissing(string path);
}
