namespace ProSpine.FaqBot.Tests.Support;

/// <summary>The bot on a real Kestrel listener at 127.0.0.1 (a free port): real client addresses and connections.</summary>
public sealed class LiveBotServer : BotApplicationFactory
{
    public LiveBotServer(IReadOnlyDictionary<string, string?> settings)
        : base(settings)
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }
}
