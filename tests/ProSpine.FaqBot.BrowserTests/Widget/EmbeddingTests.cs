using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;

namespace ProSpine.FaqBot.BrowserTests.Widget;

/// <summary>What a visitor does with the widget beyond asking: closing it every way, and using it on another site.</summary>
public sealed class EmbeddingTests(Chromium chromium, LiveBot bot) : IClassFixture<Chromium>, IClassFixture<LiveBot>
{
    [BrowserFact]
    public async Task The_panel_disappears_whichever_way_it_is_closed()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(bot.Address.ToString());
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });
        var panel = page.Locator("#psp-chat-panel");

        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();

        // Escape from where the visitor types.
        await launcher.ClickAsync();
        await Assertions.Expect(page.Locator("[data-id=\"webchat-sendbox-input\"]")).ToBeFocusedAsync(new() { Timeout = 20_000 });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();

        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task A_page_on_another_site_embeds_the_widget_and_gets_a_sourced_answer()
    {
        // The clinic's site: a second origin on loopback that serves one page with the one-tag embed.
        Uri? botAddress = null;
        var site = WebApplication.CreateSlimBuilder();
        site.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        await using var siteApp = site.Build();
        siteApp.MapGet("/", () => Results.Content(
            $"<!doctype html><html lang=\"en\"><head><title>Clinic</title></head><body><h1>Clinic</h1>" +
            $"<script src=\"{botAddress}widget/embed.js\" async></script></body></html>", "text/html"));
        await siteApp.StartAsync();
        var siteOrigin = siteApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        using var allowingBot = LiveBot.With(("DirectLine:AllowedOrigins:0", siteOrigin!));
        botAddress = allowingBot.Address;

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(siteOrigin + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await Assertions.Expect(sendBox).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Web Chat sends nothing until it is connected; the welcome shows it is.
        await Assertions.Expect(page.Locator(".webchat__basic-transcript__activity").First)
            .ToContainTextAsync("Pro Spine & Pain assistant", new() { Timeout = 20_000 });
        await sendBox.FillAsync("how long does the pump last");
        await sendBox.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".webchat__basic-transcript__activity").Last)
            .ToContainTextAsync("Pro Spine & Pain, updated", new() { Timeout = 20_000 });
        Assert.StartsWith(siteOrigin, page.Url, StringComparison.Ordinal);
    }
}
