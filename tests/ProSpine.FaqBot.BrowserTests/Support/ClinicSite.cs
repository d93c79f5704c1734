using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>
/// The clinic's own website: a second origin on loopback (Kestrel on a free port) with one page that embeds the widget
/// with the one-tag embed from <see cref="Bot"/>. A page the browser did not get from a real server would be treated as
/// public, and Chromium's local network checks would block its chat connection to loopback.
/// </summary>
public sealed class ClinicSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private ClinicSite(WebApplication app, string bodyStyle)
    {
        this.app = app;
        app.MapGet("/", () => Results.Content(
            $"<!doctype html><html lang=\"en\"><head><title>Clinic</title></head><body style=\"{bodyStyle}\"><h1>Clinic</h1>" +
            $"<script src=\"{Bot}widget/embed.js\" async></script></body></html>", "text/html"));
    }

    /// <summary>The site's origin, such as <c>http://127.0.0.1:41234</c>, for <c>DirectLine:AllowedOrigins</c>.</summary>
    public string Origin => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    /// <summary>The bot whose widget the page embeds; set it before the page is loaded.</summary>
    public Uri? Bot { get; set; }

    /// <param name="bodyStyle">The page's own CSS on its body, such as its font.</param>
    public static async Task<ClinicSite> StartAsync(string bodyStyle = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        var site = new ClinicSite(builder.Build(), bodyStyle);
        await site.app.StartAsync();
        return site;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
