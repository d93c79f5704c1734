using Microsoft.Playwright;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>Debian's Chromium, driven by Playwright, headless and with no network but loopback.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // As root in a container, and without the background calls that a closed network refuses by the dozen.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    public async Task DisposeAsync()
    {
        if (playwright is null)
            return;
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
