using System.Globalization;
using Microsoft.Playwright;
using ProSpine.FaqBot.BrowserTests.Support;

namespace ProSpine.FaqBot.BrowserTests.Widget;

/// <summary>What a patient notices in the widget: tappable phone numbers, urgent calls that look urgent, a phone-sized
/// layout that cuts nothing off, and the site's own font.</summary>
public sealed class AppearanceTests(Chromium chromium, LiveBot bot) : IClassFixture<Chromium>, IClassFixture<LiveBot>
{
    private const string Citation = "Pro Spine & Pain, updated";
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true };
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1280, Height = 800 } };

    [BrowserFact]
    public async Task Phone_numbers_in_the_bubbles_dial_the_clinic_and_never_break_across_lines()
    {
        await using var context = await chromium.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var chat = await OpenChatAsync(page, bot.Address);
        await chat.AskAsync("what is your phone number");
        await chat.AskAsync("can I have an MRI with my pump");

        // In the welcome, the answer and the hand-off, the words as written, each a link a phone dials.
        var links = page.Locator(".webchat__basic-transcript__activity a[href^=\"tel:\"]");
        await Assertions.Expect(links).ToHaveCountAsync(3);
        foreach (var link in await links.AllAsync())
        {
            await Assertions.Expect(link).ToHaveTextAsync("(262) 297-7246");
            await Assertions.Expect(link).ToHaveAttributeAsync("href", "tel:+12622977246");
        }

        // Narrow to wide: wherever a number falls at the end of a line, it moves down whole.
        for (var width = 300; width <= 440; width += 7)
        {
            await page.SetViewportSizeAsync(width, 844);
            foreach (var link in await links.AllAsync())
                Assert.True(await link.EvaluateAsync<int>("a => a.getClientRects().length") == 1, $"A phone number breaks across lines at {width} px");
        }
    }

    [BrowserFact]
    public async Task The_emergency_and_crisis_calls_stand_out_from_the_other_buttons()
    {
        await using var context = await chromium.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        var chat = await OpenChatAsync(page, bot.Address);

        await chat.AskAsync("how long does the pump last");
        var ordinary = await ColorsAsync(Button(page, "Helpful"));

        await chat.AskAsync("my husband is not breathing");
        var emergency = await ColorsAsync(Button(page, "Call 911"));
        var clinic = await ColorsAsync(Button(page, "Call (262) 297-7246"));
        Assert.NotEqual(ordinary.Background, emergency.Background);
        Assert.Equal(ordinary.Background, clinic.Background);
        Assert.True(Contrast(emergency) >= 4.5, $"Call 911: text {emergency.Text} on {emergency.Background}");

        // The pointer on it changes the shade, never the legibility.
        await Button(page, "Call 911").HoverAsync();
        var hovered = await ColorsAsync(Button(page, "Call 911"));
        Assert.NotEqual(ordinary.Background, hovered.Background);
        Assert.True(Contrast(hovered) >= 4.5, $"Call 911 under the pointer: text {hovered.Text} on {hovered.Background}");

        await page.Mouse.MoveAsync(0, 0);
        await chat.AskAsync("I want to kill myself");
        Assert.Equal(emergency, await ColorsAsync(Button(page, "Call 988")));
    }

    [BrowserFact]
    public async Task Every_suggested_question_can_be_read_whole_on_a_390_pixel_wide_phone()
    {
        await using var context = await chromium.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var chat = await OpenChatAsync(page, bot.Address);

        await chat.AskAsync("how long does the pump last");
        await Assertions.Expect(chat.Last).ToContainTextAsync(Citation);

        var buttons = Transcript.Buttons(page);
        await Assertions.Expect(buttons.First).ToBeVisibleAsync();
        Assert.True(await buttons.CountAsync() >= 4, "the answer offers related questions and feedback");
        foreach (var button in await buttons.AllAsync())
        {
            var label = await button.InnerTextAsync();
            await Assertions.Expect(button).ToBeInViewportAsync(new() { Ratio = 1 });
            // No ellipsis and no clipping: the label's text takes no more room than its box shows.
            var clipped = await button.Locator("span").EvaluateAsync<bool>(
                "text => text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight");
            Assert.False(clipped, $"\"{label}\" is cut off");
        }
    }

    [BrowserFact]
    public async Task The_chat_takes_the_font_of_the_page_it_is_on()
    {
        // The clinic's site with a font of its own (the name need not be installed: the family is compared).
        await using var site = await ClinicSite.StartAsync("font-family: 'Clinic Humanist', Georgia, serif");
        using var allowingBot = LiveBot.With(("DirectLine:AllowedOrigins:0", site.Origin));
        site.Bot = allowingBot.Address;
        await using var context = await chromium.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        var chat = await OpenChatAsync(page, new Uri(site.Origin));
        await chat.AskAsync("how long does the pump last");
        await Assertions.Expect(chat.Last).ToContainTextAsync(Citation);

        var pageFont = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.Contains("Clinic Humanist", pageFont, StringComparison.Ordinal);
        ILocator[] parts =
        [
            page.Locator("#psp-chat-title"), chat.Last.Locator("p").First, Transcript.SendBox(page), Transcript.Buttons(page).First,
        ];
        foreach (var part in parts)
            await Assertions.Expect(part).ToHaveCSSAsync("font-family", pageFont);

        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await Assertions.Expect(Launcher(page)).ToHaveCSSAsync("font-family", pageFont);
    }

    private static async Task<Transcript> OpenChatAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.AbsoluteUri);
        await Launcher(page).ClickAsync();
        return await Transcript.OpenedAsync(page);
    }

    private static ILocator Launcher(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });

    private static ILocator Button(IPage page, string label) =>
        page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    private sealed record Colors(string Background, string Text);

    private static async Task<Colors> ColorsAsync(ILocator button)
    {
        await Assertions.Expect(button).ToBeVisibleAsync();
        var colors = await button.EvaluateAsync<string[]>("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]");
        return new Colors(colors[0], colors[1]);
    }

    /// <summary>WCAG's contrast ratio of a computed <c>rgb(r, g, b)</c> text colour on its background.</summary>
    private static double Contrast(Colors colors)
    {
        static double Luminance(string rgb)
        {
            var channels = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
                .Split(',').Take(3).Select(c => double.Parse(c, CultureInfo.InvariantCulture) / 255)
                .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
        }
        var (a, b) = (Luminance(colors.Background), Luminance(colors.Text));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }
}
