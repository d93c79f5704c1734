using Microsoft.AspNetCore.Mvc.Testing;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>The bot on a real Kestrel listener at 127.0.0.1 on a free port, as a browser needs.</summary>
public sealed class LiveBot : WebApplicationFactory<Program>
{
    private readonly (string Key, string Value)[] settings;

    public LiveBot()
        : this([])
    {
    }

    /// <param name="settings">Configuration for this bot, such as <c>("DirectLine:AllowedOrigins:0", origin)</c>.</param>
    private LiveBot((string Key, string Value)[] settings)
    {
        this.settings = settings;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>A bot of its own, with <paramref name="settings"/> (a class fixture may have only one constructor).</summary>
    public static LiveBot With(params (string Key, string Value)[] settings) => new(settings);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Every browser of every test is one client at 127.0.0.1 (exempt from rate limits as a local tool by default).
        builder.UseSetting("DirectLine:MaxConversationsPerClient", "10000");
        // The browsers' questions are not patients': keep them out of the repository's insights store.
        builder.UseSetting("Insights:Enabled", "false");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => ClientOptions.BaseAddress;
}
