using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// Writes the Microsoft Teams app package (see README, "Microsoft Teams"):
/// <c>dotnet run --project src/ProSpine.FaqBot.TeamsApp -- --app-id &lt;GUID&gt; [--out FILE.zip]</c>.
/// Exit codes: 0 written, 1 the manifest template has problems, 2 bad arguments or no valid app id.
/// </summary>
internal static class Program
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
        // The same precedence as the bot's configuration: an environment variable overrides appsettings.json.
        var appIdText = options.GetValueOrDefault("--app-id")
            ?? NullIfEmpty(Environment.GetEnvironmentVariable("MicrosoftAppId"))
            ?? AppSettings.Value(root, "MicrosoftAppId");
        if (string.IsNullOrWhiteSpace(appIdText))
        {
            Console.Error.WriteLine("No Microsoft App ID: pass --app-id, or set MicrosoftAppId in appsettings.json. It is the "
                + "Azure Bot's id (Azure portal > your Azure Bot > Settings > Configuration > Microsoft App ID).");
            return 2;
        }
        if (!ManifestRules.Guid().IsMatch(appIdText.Trim()))
        {
            Console.Error.WriteLine($"'{appIdText}' is not a Microsoft App ID: it is a GUID such as 12345678-90ab-cdef-1234-567890abcdef "
                + "(Azure portal > your Azure Bot > Settings > Configuration > Microsoft App ID).");
            return 2;
        }

        var output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? Path.Combine(root, "artifacts", "teams", "prospine-faq-teams.zip"));
        try
        {
            var files = TeamsAppPackage.Build(TeamsAppPackage.DefaultSourceDirectory, Guid.Parse(appIdText.Trim()));
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

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
