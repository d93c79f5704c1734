using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// The whole bot on a real Kestrel at 127.0.0.1 (a free port), as a browser or a proxy reaches it: real client
/// addresses and connections, and a clock the test moves. Like <see cref="BotApplicationFactory"/>, it answers from the
/// fixture FAQ (<see cref="FixtureFaq"/>) unless the settings name another <c>Faq:Path</c>.
/// </summary>
public sealed class LiveBotServer : IAsyncDisposable
{
    private readonly BotApplicationFactory factory;

    private LiveBotServer(BotApplicationFactory factory, FakeTimeProvider time)
    {
        this.factory = factory;
        Time = time;
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
        Client = new DirectLineClient(Http);
    }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    /// <summary>A plain HTTP client to the server (no test handler in between).</summary>
    public HttpClient Http { get; }

    /// <summary>Makes the calls Web Chat makes.</summary>
    public DirectLineClient Client { get; }

    public IServiceProvider Services => factory.Services;

    public static LiveBotServer Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var factory = new BotApplicationFactory(settings ?? new Dictionary<string, string?>(), time);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new LiveBotServer(factory, time);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
    }
}

/// <summary>One <see cref="LiveBotServer"/> with default settings, shared by the tests of a class.</summary>
public sealed class LiveBotServerFixture : IAsyncLifetime
{
    public LiveBotServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = LiveBotServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
