using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.DirectLine;

namespace ProSpine.FaqBot.Widget;

/// <summary>
/// The website chat: <c>GET /widget/embed.js</c> (the one-tag embed script, with its texts from
/// <c>faq/messages.yaml</c>), the Web Chat bundle (a static web asset, see <see cref="WebChatBundle"/>), the demo page at
/// <c>/</c> (GET and HEAD, which uptime monitors send) and <c>/favicon.ico</c>, which every browser asks for.
/// </summary>
public static class WidgetEndpoints
{
    public const string EmbedScriptPath = "/widget/embed.js";
    public const string WebChatPath = "/webchat/webchat.js";

    private static readonly string EmbedTemplate = Asset("embed.js");
    private static readonly string DemoPage = Asset("demo.html");
    private static readonly string DemoStyles = Asset("demo.css");
    private static readonly byte[] Favicon = AssetBytes("favicon.ico");
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<WidgetOptions>(WidgetOptions.Section)
            .Validate(o => o.HasValidFrameAncestors(), "Widget:FrameAncestors entries must be single CSP sources (no spaces, ';' or ',').")
            .Validate(o => o.HasValidWebChatScriptUrl(), "Widget:WebChatScriptUrl must be empty or an absolute https URL.")
            .Validate(o => o.HasIntegrityForExternalWebChat(), "Widget:WebChatScriptIntegrity must hold the script's Subresource Integrity hash (sha384-…) when Widget:WebChatScriptUrl is set.");
        builder.Services.AddSingleton<WebChatBundle>();
        // MapStaticAssets treats a build output (not a publish) as development: it sends no-cache even for the
        // fingerprinted name and, in ASP.NET Core 10.0.x, re-encodes the gzip copy at every request without compressing
        // it (3.9 MB) under an ETag that never validates. The bundle changes only with a build: serve it as published.
        builder.Configuration.AddInMemoryCollection([new("ReloadStaticAssetsAtRuntime", "false")]);
        // Development does this by itself. Elsewhere, a build output (not a publish, which copies them to wwwroot) finds
        // its static web assets, the bundle in ClientApp/node_modules, only through this.
        if (!builder.Environment.IsDevelopment())
            builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWidget(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            SecurityHeaders.AddCommon(context.Response);
            return next(context);
        });

        // Kestrel sends no body for HEAD: the same handler answers both, with the same headers.
        app.MapMethods("/", GetAndHead, ServeDemoPage);
        app.MapMethods("/favicon.ico", GetAndHead, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Favicon, "image/x-icon");
        });
        app.MapGet("/widget/demo.css", () => Results.Text(DemoStyles, "text/css; charset=utf-8"));
        app.MapGet(EmbedScriptPath, ServeEmbedScript);
        app.MapStaticAssets();
        // Static assets are mapped with order -100, so these two answer only what the build did not produce. The embed
        // script is cached for five minutes: after an upgrade of Web Chat a page may still ask for the old fingerprint.
        app.MapMethods(WebChatPath, GetAndHead, WebChatMissing);
        app.MapMethods("/webchat/webchat.{fingerprint}.js", GetAndHead,
            (WebChatBundle bundle) => bundle.Url is { } url ? Results.Redirect(url) : WebChatMissing());
        return app;
    }

    private static IResult ServeDemoPage(HttpContext context, IOptions<WidgetOptions> options, IOptions<DirectLineOptions> directLine)
    {
        var nonce = SecurityHeaders.NewNonce();
        // With Azure's Direct Line the widget talks to Azure, over HTTPS and a WebSocket.
        var azure = directLine.Value.UsesAzure ? directLine.Value.AzureEndpoint : null;
        string[] connect = azure is null ? [] : [azure.GetLeftPart(UriPartial.Authority), $"wss://{azure.Authority}"];
        context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.PagePolicy(context.Request, nonce, options.Value, connect);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(DemoPage.Replace("{{nonce}}", nonce, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    private static IResult ServeEmbedScript(HttpContext context, FaqProvider faq, IOptions<WidgetOptions> options, WebChatBundle bundle)
    {
        var texts = faq.Current.Content.Texts;
        var settings = options.Value;
        var config = new Dictionary<string, object>
        {
            ["color"] = settings.BrandColor,
            ["launcher"] = texts.Get(TextKeys.WidgetLauncher),
            ["title"] = texts.Get(TextKeys.WidgetTitle),
            ["greeting"] = texts.Get(TextKeys.WidgetGreeting),
            ["close"] = texts.Get(TextKeys.WidgetClose),
            ["loading"] = texts.Get(TextKeys.WidgetLoading),
            ["unavailable"] = texts.Get(TextKeys.WidgetUnavailable),
            // The buttons the widget draws as urgent: the emergency and crisis calls, in every language.
            ["urgent"] = texts.Languages
                .SelectMany(language => new[] { texts.Get(TextKeys.CallEmergency, language), texts.Get(TextKeys.CallCrisis, language) })
                .Distinct(StringComparer.Ordinal).ToArray(),
            ["tokenPath"] = DirectLineEndpoints.TokenPath,
            ["webChatUrl"] = string.IsNullOrWhiteSpace(settings.WebChatScriptUrl) ? bundle.Url ?? WebChatPath : settings.WebChatScriptUrl,
            ["webChatIntegrity"] = string.IsNullOrWhiteSpace(settings.WebChatScriptUrl) ? "" : settings.WebChatScriptIntegrity ?? "",
        };
        // The default encoder escapes <, > and & as \uXXXX, so no text can close the script or inject markup.
        var script = EmbedTemplate.Replace("/*CONFIG*/{}", JsonSerializer.Serialize(config), StringComparison.Ordinal);
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(script, "text/javascript; charset=utf-8");
    }

    private static IResult WebChatMissing() => Results.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Web Chat bundle not installed",
        detail: "Build the bot with Node.js present (npm ci in ClientApp), or set Widget:WebChatScriptUrl.");

    private static string Asset(string name)
    {
        using var reader = new StreamReader(OpenAsset(name));
        return reader.ReadToEnd();
    }

    private static byte[] AssetBytes(string name)
    {
        using var stream = OpenAsset(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream OpenAsset(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"ProSpine.FaqBot.Widget.Assets.{name}")
            ?? throw new InvalidOperationException($"Widget asset {name} is not embedded");
}
