using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// Writes the Microsoft Teams app package (see README, "Microsoft Teams"):
/// <c>dotnet run --project src/ProSpine.FaqBot.TeamsApp -- --app-id &lt;GUID&gt; [--out FILE.zip]</c>.
/// Exit codes: 0 written, 1 the manifest template has problems, 2 bad arguments or no valid app id.
/// </summary>
internal static class PackageCommand
{
    private const string Usage = """
        usage: teams-app-package [--app-id GUID] [--out FILE.zip]
          --app-id  the Azure Bot's Microsoft App ID; defaults to MicrosoftAppId from the environment or appsettings.json
          --out     where to write the package; defaults to artifacts/teams/prospine-faq-teams.zip in the repository
        """;

    public static int Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--app-id" or "--out") || i + 1 >= args.Length)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
            options[args[i]] = args[++i];
        }

        var root = FaqFolderLocator.FindRoot() ?? Directory.GetCurrentDirectory();
        // The bot's own settings: appsettings.json overridden by the environment, as the bot reads them.
        var (appId, error) = AppIdFrom(options.GetValueOrDefault("--app-id"), AppSettings.Value(root, "MicrosoftAppId"));
        if (appId is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? Path.Combine(root, "artifacts", "teams", "prospine-faq-teams.zip"));
        try
        {
            var files = TeamsAppPackage.Build(TeamsAppPackage.DefaultSourceDirectory, appId.Value);
            TeamsAppPackage.WriteZip(files, output);
        }
        catch (TeamsManifestException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        Console.WriteLine($"Wrote {output}");
        Console.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app (or the Teams admin center for the whole clinic).");
        return 0;
    }

    /// <summary>
    /// The app id from the command line, else the <c>MicrosoftAppId</c> environment variable, else appsettings.json:
    /// the bot's own precedence. A missing or malformed id comes back as an error that says where to find it.
    /// </summary>
    internal static (Guid? AppId, string? Error) AppIdFrom(string? argument, string? configured)
    {
        const string WhereToFindIt = "Azure portal > your Azure Bot > Settings > Configuration > Microsoft App ID";
        var text = new[] { argument, configured }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
        if (text is null)
            return (null, $"No Microsoft App ID: pass --app-id, or set MicrosoftAppId in appsettings.json ({WhereToFindIt}).");
        if (!ManifestRules.Guid().IsMatch(text))
            return (null, $"'{text}' is not a Microsoft App ID: it is a GUID such as 12345678-90ab-cdef-1234-567890abcdef ({WhereToFindIt}).");
        return (Guid.Parse(text), null);
    }
}
