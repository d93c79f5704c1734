using System.Reflection;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.LoadTest.Servers;

/// <summary>
/// Starts the servers under load as child processes: the FAQ bot as built (by default
/// <c>src/ProSpine.FaqBot/bin/&lt;this tool's configuration&gt;/net10.0/ProSpine.FaqBot.dll</c>, which building this tool
/// builds) with rate limits and insights recording off, and this tool's own encoder server. Or, given <c>--url</c>, uses a
/// bot already running.
/// </summary>
internal sealed class ServerLauncher(HttpClient http, string botAssembly, Uri? botUrl)
{
    /// <summary>
    /// The settings every started bot gets: one client address sends everything, so no per-client limit; and no
    /// recording, or the load's made-up questions would fill the staff's "unanswered" report in the bot's insights store.
    /// </summary>
    private static readonly Dictionary<string, string> LoadSettings = new(StringComparer.Ordinal)
    {
        ["RateLimiting__Enabled"] = "false",
        ["DirectLine__MaxConversationsPerClient"] = "10000",
        ["Insights__Enabled"] = "false",
    };

    /// <summary>The bot at <c>--url</c> if given, else one started with <paramref name="settings"/> (environment variables).</summary>
    public Task<ServerProcess> StartBotAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        if (botUrl is not null)
            return Task.FromResult(ServerProcess.External("faq", botUrl));
        var environment = new Dictionary<string, string>(LoadSettings, StringComparer.Ordinal);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        return ServerProcess.StartAsync("faq", botAssembly, [], environment, http);
    }

    /// <summary>A bot this tool starts, even when <c>--url</c> names one: for parts that read the process itself.</summary>
    public Task<ServerProcess> StartOwnBotAsync(IReadOnlyDictionary<string, string> settings) =>
        new ServerLauncher(http, botAssembly, botUrl: null).StartBotAsync(settings);

    /// <summary>
    /// The raw encoder: this program in its <c>echo-server</c> mode, encoding each message, without the per-turn
    /// sign-in client the bot also skips; or the one at <paramref name="url"/>.
    /// </summary>
    public Task<ServerProcess> StartEncoderAsync(Uri? url) => url is not null
        ? Task.FromResult(ServerProcess.External("encoder", url))
        : ServerProcess.StartAsync("encoder", typeof(ServerLauncher).Assembly.Location,
            [EchoServer.Command, EchoServer.WithoutSignIn, EchoServer.Encode], LoadSettings, http);

    /// <summary>The raw encoder as the package runs it (<see cref="Core.Semantics.PackageSentenceEncoder"/>), behind the same pipeline.</summary>
    public Task<ServerProcess> StartPackageEncoderAsync() =>
        ServerProcess.StartAsync("package encoder", typeof(ServerLauncher).Assembly.Location,
            [EchoServer.Command, EchoServer.WithoutSignIn, EchoServer.Encode, EchoServer.PackageEncoder], LoadSettings, http);

    /// <summary>The bot built in this tool's configuration and framework, inside this repository.</summary>
    public static string DefaultBotAssembly()
    {
        var root = FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("Run from inside the repository: faq/ not found.");
        return Path.Combine(root, "src", "ProSpine.FaqBot", "bin", BuildMetadata("BotConfiguration"), BuildMetadata("BotTargetFramework"), "ProSpine.FaqBot.dll");
    }

    private static string BuildMetadata(string key) =>
        typeof(ServerLauncher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
