using Microsoft.Playwright;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>Debian's Chromium, driven by Playwright, headless and with no network but loopback.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // As root in a container (whose /dev/shm may be small), and without the background calls that a closed network
    // refuses by the dozen.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// How long any expectation waits for the page (Playwright's own default is 5 s). CI runs these tests beside the
    /// main test project on two busy cores, where a reply can take seconds to render; nothing here measures speed (the
    /// benchmarks and the load tool do), and a longer wait lets a slow page pass but never a wrong one.
    /// </summary>
    public const float Patience = 60_000;

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            return;
        Assertions.SetDefaultExpectTimeout(Patience);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath, Headless = true, Args = Flags, Timeout = Patience,
        });
    }

    public async Task DisposeAsync()
    {
        if (playwright is null)
            return;
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
