using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>A manifest that Teams would reject, with every problem found.</summary>
internal sealed class TeamsManifestException(IReadOnlyList<string> problems)
    : Exception("The Teams app manifest has problems:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The Teams app package: <c>manifest.json</c> made from <c>package/manifest.template.json</c> with the Microsoft App
/// ID filled in (as the app's id and the bot's id), and the icons it names, zipped flat as Teams expects.
/// </summary>
internal static class TeamsAppPackage
{
    public const string TemplateFile = "manifest.template.json";
    public const string ManifestFile = "manifest.json";
    public const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";

    /// <summary>The template and icons, copied next to the program at build time.</summary>
    public static string DefaultSourceDirectory => Path.Combine(AppContext.BaseDirectory, "package");

    /// <summary>The package's files by name; throws <see cref="TeamsManifestException"/> if Teams would reject it.</summary>
    public static IReadOnlyDictionary<string, byte[]> Build(string sourceDirectory, Guid appId)
    {
        var template = File.ReadAllText(Path.Combine(sourceDirectory, TemplateFile));
        var manifestText = template.Replace(AppIdPlaceholder, appId.ToString("D"), StringComparison.Ordinal);
        if (JsonNode.Parse(manifestText) is not JsonObject manifest)
            throw new TeamsManifestException([$"{TemplateFile} must hold a JSON object"]);

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var icon in new[] { "color", "outline" })
        {
            // Only a plain file name can sit at the root of the zip; anything else is reported by the rules.
            if ((manifest["icons"] as JsonObject)?[icon] is JsonValue value && value.TryGetValue<string>(out var name)
                && name == Path.GetFileName(name) && File.Exists(Path.Combine(sourceDirectory, name)))
                files[name] = File.ReadAllBytes(Path.Combine(sourceDirectory, name));
        }
        var problems = Problems(manifest, files);
        if (problems.Count > 0)
            throw new TeamsManifestException(problems);
        files[ManifestFile] = Encoding.UTF8.GetBytes(manifestText);
        return files;
    }

    /// <summary>Every reason Teams would reject the package: Microsoft's manifest schema first, then what the schema
    /// cannot see (<see cref="ManifestRules"/>).</summary>
    internal static IReadOnlyList<string> Problems(JsonObject manifest, IReadOnlyDictionary<string, byte[]> files) =>
        [.. ManifestSchema.Problems(manifest), .. ManifestRules.Check(manifest, files)];

    public static void WriteZip(IReadOnlyDictionary<string, byte[]> files, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(bytes);
        }
    }
}
