using Microsoft.AspNetCore.StaticAssets;

namespace ProSpine.FaqBot.Widget;

/// <summary>
/// Where the widget loads Bot Framework Web Chat's <c>webchat.js</c> (3.9 MB) from this server. The build makes the npm
/// package's file a static web asset (see the project file); <c>MapStaticAssets</c> serves it at
/// <see cref="WidgetEndpoints.WebChatPath"/> (revalidated on every use) and under a fingerprinted name cached for a
/// year, with content-based ETags and Brotli or gzip copies chosen by the request's <c>Accept-Encoding</c>.
/// </summary>
public sealed partial class WebChatBundle
{
    private readonly Lazy<string?> url;

    public WebChatBundle(EndpointDataSource endpoints, ILogger<WebChatBundle> logger)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        url = new Lazy<string?>(() =>
        {
            var found = FindFingerprintedPath(endpoints);
            if (found is null)
                LogMissing(logger);
            return found;
        });
    }

    /// <summary>The fingerprinted path, which changes with the file's content; null when the build had no Node.js.</summary>
    public string? Url => url.Value;

    private static string? FindFingerprintedPath(EndpointDataSource endpoints)
    {
        // The build labels the fingerprinted route with the unversioned one; its encoded variants carry a selector.
        var label = WidgetEndpoints.WebChatPath.TrimStart('/');
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is { Selectors.Count: 0 } asset
                && asset.Properties.Any(p => p.Name == "label" && p.Value == label))
                return "/" + asset.Route;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The build produced no Web Chat bundle (no Node.js?): the widget needs Widget:WebChatScriptUrl")]
    private static partial void LogMissing(ILogger logger);
}
