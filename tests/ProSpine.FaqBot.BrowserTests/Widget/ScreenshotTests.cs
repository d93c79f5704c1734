using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;
using ProSpine.FaqBot.Core.Faq;
using Xunit.Abstractions;

namespace ProSpine.FaqBot.BrowserTests.Widget;

/// <summary>
/// The pictures in docs/screenshots/: the demo page on a desktop and a phone, with the chat closed and open on a sourced
/// answer. Every run takes them (into the test output's artifacts/); only a run with <c>UPDATE_SCREENSHOTS=1</c>
/// writes them into the repository, so CI never rewrites committed files.
/// </summary>
public sealed class ScreenshotTests(Chromium chromium, LiveBot bot, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<LiveBot>
{
    [BrowserFact]
    public async Task The_widget_is_pictured_closed_and_open_on_a_desktop_and_a_phone()
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("repository root not found"), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);

        foreach (var (device, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
        {
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(bot.Address.AbsoluteUri);
            var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });
            await Assertions.Expect(launcher).ToBeInViewportAsync(new() { Ratio = 1 });
            await SaveAsync(page, folder, $"widget-{device}-closed.png");

            await launcher.ClickAsync();
            var chat = await Transcript.OpenedAsync(page);
            await chat.AskAsync("how long does the pump last");
            // The answer's source in full view: Web Chat has scrolled to it.
            await Assertions.Expect(chat.Last.Locator("em", new() { HasText = "Pro Spine & Pain, updated" })).ToBeInViewportAsync(new() { Ratio = 1 });
            await Assertions.Expect(Transcript.Buttons(page).Last).ToBeInViewportAsync(new() { Ratio = 1 });
            await SaveAsync(page, folder, $"widget-{device}-open.png");
        }
    }

    private async Task SaveAsync(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        output.WriteLine($"Screenshot: {path}");
    }
}
