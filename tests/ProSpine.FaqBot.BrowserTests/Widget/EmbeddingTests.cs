using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;

namespace ProSpine.FaqBot.BrowserTests.Widget;

/// <summary>What a visitor does with the widget beyond asking: closing it every way, and using it on another site.</summary>
public sealed class EmbeddingTests(Chromium chromium, LiveBot bot) : IClassFixture<Chromium>, IClassFixture<LiveBot>
{
    [BrowserFact]
    public async Task The_launcher_gives_way_to_the_panel_and_comes_back_whichever_way_the_panel_is_closed()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(bot.Address.ToString());
        // By CSS, not by role: a role query skips hidden elements, so "hidden" would pass for a launcher never found.
        var launcher = page.Locator("button[aria-controls=\"psp-chat-panel\"]");
        var panel = page.Locator("#psp-chat-panel");

        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();

        // Escape from where the visitor types.
        await launcher.ClickAsync();
        await Assertions.Expect(launcher).ToBeHiddenAsync();
        await Assertions.Expect(Transcript.SendBox(page)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_page_on_another_site_embeds_the_widget_and_gets_a_sourced_answer()
    {
        // The clinic's site: a second origin on loopback that serves one page with the one-tag embed.
        await using var site = await ClinicSite.StartAsync();
        using var allowingBot = LiveBot.With(("DirectLine:AllowedOrigins:0", site.Origin));
        site.Bot = allowingBot.Address;

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Origin + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var transcript = await Transcript.OpenedAsync(page);
        await transcript.AskAsync("how long does the pump last");

        await Assertions.Expect(transcript.Last).ToContainTextAsync("Pro Spine & Pain, updated");
        Assert.StartsWith(site.Origin, page.Url, StringComparison.Ordinal);
    }
}
