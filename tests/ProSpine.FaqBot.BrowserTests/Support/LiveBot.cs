using Microsoft.AspNetCore.Mvc.Testing;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>The bot on a real Kestrel listener at 127.0.0.1 on a free port, as a browser needs.</summary>
public sealed class LiveBot : WebApplicationFactory<Program>
{
    public LiveBot()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => ClientOptions.BaseAddress;
}
