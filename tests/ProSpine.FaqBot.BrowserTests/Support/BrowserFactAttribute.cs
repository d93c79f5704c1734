namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>
/// A test that needs Chromium and the Web Chat bundle: reported as skipped, with the reason, on a machine without them
/// (CI installs both, so there they always run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
            Skip = $"No browser at {Chromium.ExecutablePath}: install Debian's chromium package (apt-get install -y chromium).";
        else if (!WebChatBundleBuilt())
            Skip = "The Web Chat bundle was not built: build with Node.js present (npm ci in src/ProSpine.FaqBot/ClientApp).";
    }

    /// <summary>Whether the build made Web Chat a static web asset of the bot (listed in its endpoints manifest).</summary>
    private static bool WebChatBundleBuilt()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "ProSpine.FaqBot.staticwebassets.endpoints.json");
        return File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"Route\":\"webchat/webchat.js\"", StringComparison.Ordinal);
    }
}
