using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// Gives in-memory requests a client address, as Kestrel does for real ones: the test server leaves it empty. A
/// request is from this machine (127.0.0.1) unless it names another address in <see cref="Header"/>, so a test can
/// play a remote caller.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var named))
                context.Connection.RemoteIpAddress = named;
            else
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
