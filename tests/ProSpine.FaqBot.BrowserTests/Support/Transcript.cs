using System.Diagnostics;
using Microsoft.Playwright;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>
/// Web Chat's transcript in the widget, counted: every exchange adds the person's message and exactly one reply, so
/// waiting for the count to grow by two waits for this reply and not an earlier one.
/// </summary>
public sealed class Transcript
{
    private readonly IPage page;
    private readonly ILocator activities;
    private int count = 1;

    private Transcript(IPage page)
    {
        this.page = page;
        activities = page.Locator(".webchat__basic-transcript__activity");
    }

    public ILocator First => activities.First;

    public ILocator Last => activities.Last;

    /// <summary>Where the visitor types.</summary>
    public static ILocator SendBox(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-id=\"webchat-sendbox-input\"]");
    }

    /// <summary>The buttons under the last reply (suggested actions).</summary>
    public static ILocator Buttons(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator(".webchat__suggested-actions button");
    }

    /// <summary>Waits for the welcome the bot pushes when the conversation starts.</summary>
    public static async Task<Transcript> OpenedAsync(IPage page)
    {
        var transcript = new Transcript(page);
        await Assertions.Expect(transcript.activities).ToHaveCountAsync(1);
        await Assertions.Expect(transcript.activities.First).ToContainTextAsync("Pro Spine & Pain assistant");
        return transcript;
    }

    /// <summary>Types a question, sends it, and returns how long the bot's reply took to appear.</summary>
    public Task<TimeSpan> AskAsync(string question) => ExchangeAsync(async () =>
    {
        await SendBox(page).FillAsync(question);
        await SendBox(page).PressAsync("Enter");
    });

    public async Task<TimeSpan> ExchangeAsync(Func<Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var started = Stopwatch.GetTimestamp();
        await send();
        count += 2;
        await Assertions.Expect(activities).ToHaveCountAsync(count);
        return Stopwatch.GetElapsedTime(started);
    }
}
