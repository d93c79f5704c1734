using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;
using ProSpine.FaqBot.Core.Faq;
using Xunit.Abstractions;

namespace ProSpine.FaqBot.BrowserTests.Widget;

/// <summary>
/// The demo page and its widget in headless Chromium, against the bot on a real loopback listener: the same HTML,
/// embed script, Web Chat bundle and Direct Line endpoint a clinic's website visitor gets.
/// </summary>
public sealed class WidgetTests(Chromium chromium, LiveBot bot, ITestOutputHelper output)
    : IClassFixture<Chromium>, IClassFixture<LiveBot>
{
    // The citation's clinic and date as sources.yaml now gives them, so a routine update of the page keeps this green.
    private static readonly string Citation = CurrentCitation();
    private const int MaxWidgetBytesBeforeOpening = 20 * 1024;

    [BrowserFact]
    public async Task The_page_loads_only_the_small_embed_script_until_the_chat_is_opened()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var scripts = new List<IRequest>();
        page.RequestFinished += (_, request) =>
        {
            if (request.ResourceType == "script")
                scripts.Add(request);
        };

        await page.GotoAsync(bot.Address.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(Launcher(page)).ToBeVisibleAsync();

        var bytes = 0L;
        foreach (var script in scripts)
            bytes += (await script.SizesAsync()).ResponseBodySize;
        output.WriteLine($"Scripts before opening: {string.Join(", ", scripts.Select(s => s.Url))}, {bytes} bytes on the wire");
        Assert.DoesNotContain(scripts, s => s.Url.Contains("/webchat/", StringComparison.Ordinal));
        Assert.InRange(bytes, 1, MaxWidgetBytesBeforeOpening);
    }

    [BrowserFact]
    public async Task A_visitor_gets_a_sourced_answer_follows_a_suggestion_and_sees_hand_off_and_emergency_replies()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 800 } });
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await page.GotoAsync(bot.Address.ToString());

        await Launcher(page).ClickAsync();
        var chat = await Transcript.OpenedAsync(page);
        // Before any question: where to turn in an emergency and in a crisis.
        await Assertions.Expect(chat.First).ToContainTextAsync("call 911");
        await Assertions.Expect(chat.First).ToContainTextAsync("call or text 988");

        var answered = await chat.AskAsync("how long does the pump last");
        await Assertions.Expect(chat.Last).ToContainTextAsync(Citation);
        output.WriteLine($"Question to sourced answer: {answered.TotalMilliseconds:F0} ms; WebSockets: {string.Join(", ", sockets)}");
        Assert.Contains(sockets, url => url.Contains("/v3/directline/conversations/", StringComparison.Ordinal));
        await Assertions.Expect(chat.Last).ToBeInViewportAsync();
        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "widget-answer.png") });

        // A related question offered under the answer is one click away.
        var suggestion = page.Locator(".webchat__suggested-actions button").Filter(new() { HasNotText = "Helpful" }).First;
        var suggested = await suggestion.InnerTextAsync();
        await chat.ExchangeAsync(() => suggestion.ClickAsync());
        await Assertions.Expect(chat.Last).ToContainTextAsync(Citation);
        output.WriteLine($"Followed the suggestion \"{suggested}\"");

        await chat.AskAsync("can I have an MRI with my pump");
        await Assertions.Expect(chat.Last).ToContainTextAsync("(262) 297-7246");
        await Assertions.Expect(page.Locator(".webchat__suggested-actions button", new() { HasText = "Call (262) 297-7246" })).ToBeVisibleAsync();

        await chat.AskAsync("my husband is not breathing");
        await Assertions.Expect(chat.Last).ToContainTextAsync("Call 911 now.");
    }

    [BrowserFact]
    public async Task The_page_with_the_chat_open_has_no_serious_or_critical_accessibility_violations()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(bot.Address.ToString());

        // Keyboard only: the launcher is reachable with Tab and opens with Enter, and focus lands in the send box.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Launcher(page)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(SendBox(page)).ToBeFocusedAsync();
        var chat = await Transcript.OpenedAsync(page);
        await chat.AskAsync("what is an intrathecal pump");
        await Assertions.Expect(chat.Last).ToContainTextAsync(Citation);

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
            output.WriteLine($"{violation.Impact}: {violation.Id} ({violation.Nodes.Length} nodes) {violation.Help}");
        Assert.Empty(serious);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Launcher(page)).ToBeFocusedAsync();
        await Assertions.Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    private static ILocator Launcher(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });

    private static ILocator SendBox(IPage page) => Transcript.SendBox(page);

    private static string CurrentCitation()
    {
        var root = FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("repository root not found");
        var page = FaqLoader.Load(Path.Combine(root, "faq")).Pages[0];
        return $"{page.Clinic}, updated {page.UpdatedText}";
    }
}
