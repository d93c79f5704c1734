using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// What Teams needs of this package that <see cref="ManifestSchema"/> does not check: the icon files and their PNG
/// sizes, the bot registered under the app's own id, the schema version the manifest names, and two field rules of
/// Microsoft's manifest reference that the v1.25 schema leaves out (a semver version, https developer links). Problems
/// read "location: reason" like the schema's. A field the schema finds missing or of the wrong type is skipped here,
/// not reported twice.
/// </summary>
internal static partial class ManifestRules
{
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    /// <summary>Every problem of <paramref name="manifest"/> beyond the schema's; <paramref name="files"/> are the
    /// package's other files.</summary>
    public static IReadOnlyList<string> Check(JsonObject manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();

        // The schema takes any URI here, and Teams checks a manifest by the version it names: naming another version
        // than the one checked here would let the two disagree.
        if (Text(manifest["$schema"]) is not { } schema)
            problems.Add($"/$schema: is required: the address of the v{ManifestSchema.Version} schema this package is checked against");
        else if (!schema.Contains($"/v{ManifestSchema.Version}/", StringComparison.Ordinal))
            problems.Add($"/$schema: \"{schema}\" is not the v{ManifestSchema.Version} schema this package is checked against");

        // The schema's description of version asks for semver, but it checks only the length.
        if (Text(manifest["version"]) is { } version && !SemVer().IsMatch(version))
            problems.Add($"/version: \"{version}\" must be a version like 1.0.0 (major.minor.patch)");

        // The schema's httpsUrl pattern makes the "s" optional; the manifest reference asks for https:// addresses.
        foreach (var field in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            if (Text(Field(manifest["developer"], field)) is { } url && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                problems.Add($"/developer/{field}: \"{url}\" must be an https:// address");
        }

        Icon(manifest, "color", ColorIconSize, needsAlpha: false, files, problems);
        Icon(manifest, "outline", OutlineIconSize, needsAlpha: true, files, problems);

        // Bots are optional in the schema, but this package exists to install the bot, under the app's own id.
        if (manifest["bots"] is null or JsonArray { Count: 0 })
            problems.Add("/bots: the package must declare the FAQ bot");
        else if (Id(Field((manifest["bots"] as JsonArray)?.FirstOrDefault(), "botId")) is { } botId && Id(manifest["id"]) is { } appId && botId != appId)
            problems.Add($"/bots/0/botId: must be the app's id ({appId:D}): this package registers the bot under its own app id");
        return problems;
    }

    private static void Icon(JsonObject manifest, string kind, int size, bool needsAlpha, IReadOnlyDictionary<string, byte[]> files, List<string> problems)
    {
        var where = $"/icons/{kind}";
        if (Text(Field(manifest["icons"], kind)) is not { } file)
            return;
        if (!files.TryGetValue(file, out var png))
        {
            problems.Add($"{where}: '{file}' is not in the package (a file next to the template, named without a folder)");
            return;
        }
        var header = PngHeader.Read(png);
        if (header is null)
            problems.Add($"{where}: '{file}' is not a PNG image");
        else if (header.Width != size || header.Height != size)
            problems.Add($"{where}: '{file}' is {header.Width}x{header.Height}; Teams needs {size}x{size}");
        else if (needsAlpha && !header.HasAlphaChannel)
            problems.Add($"{where}: '{file}' has no transparency; Teams needs a white outline on a transparent background");
    }

    private static JsonNode? Field(JsonNode? parent, string name) => parent is JsonObject map ? map[name] : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Guid? Id(JsonNode? node) => Text(node) is { } text && Guid().IsMatch(text) ? System.Guid.Parse(text) : null;

    /// <summary>The form of a Microsoft App ID, also used by the command for <c>--app-id</c> before any manifest
    /// exists.</summary>
    [GeneratedRegex(@"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    internal static partial Regex Guid();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();
}
