using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProSpine.FaqBot.Core.Configuration;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// Writes the Microsoft Teams app package (see README, "Microsoft Teams"):
/// <c>dotnet run --project src/ProSpine.FaqBot.TeamsApp -- --app-id &lt;GUID&gt; [--out FILE.zip]</c>.
/// Exit codes: 0 written, 1 the manifest template has problems, 2 bad arguments or no valid app id.
/// </summary>
internal static class PackageCommand
{
    public static int Main(string[] args)
    {
        var appIdOption = new Option<string>("--app-id")
        {
            Description = "The Azure Bot's Microsoft App ID; defaults to the bot's MicrosoftAppId setting (appsettings.json or the environment).",
        };
        var outOption = new Option<FileInfo>("--out")
        {
            Description = "Where to write the package; defaults to artifacts/teams/prospine-faq-teams.zip in the repository.",
        };
        var command = new RootCommand("Writes the Microsoft Teams app package (manifest.json and two icons, zipped).") { appIdOption, outOption };
        command.SetAction(parsed => Write(parsed.GetValue(appIdOption), parsed.GetValue(outOption)));
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine("Run teams-app-package --help for the options.");
            return 2;
        }
        return parsed.Invoke();
    }

    private static int Write(string? appIdArgument, FileInfo? outFile)
    {
        // The bot's own settings, from the bot's own sources: appsettings.json overridden by the environment.
        using var host = FaqToolHost.Build();
        var (appId, error) = AppIdFrom(appIdArgument, host.Services.GetRequiredService<IConfiguration>()["MicrosoftAppId"]);
        if (appId is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var root = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var output = outFile?.FullName ?? Path.Combine(root, "artifacts", "teams", "prospine-faq-teams.zip");
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
    /// The app id from the command line, else the bot's <c>MicrosoftAppId</c> setting. A missing or malformed id comes back as an error that says where to find it.
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
