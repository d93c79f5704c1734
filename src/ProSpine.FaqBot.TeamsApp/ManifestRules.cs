using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// The rules of the Teams app manifest schema (v1.25) that a bot's package must meet, checked before a package is
/// written, so an edit to the template that Teams would reject fails here with a plain message instead of an upload
/// error: required fields, GUID ids, lengths, https addresses, bot scopes and commands, and the icons' PNG sizes.
/// </summary>
internal static partial class ManifestRules
{
    public const string ManifestVersion = "1.25";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    public static readonly IReadOnlySet<string> BotScopes = new HashSet<string>(StringComparer.Ordinal) { "personal", "team", "groupChat", "copilot" };

    // The root fields this package may use; the schema allows no field it does not define.
    private static readonly HashSet<string> KnownRootFields = new(StringComparer.Ordinal)
    {
        "$schema", "manifestVersion", "version", "id", "localizationInfo", "developer", "name", "description", "icons",
        "accentColor", "bots", "permissions", "validDomains", "webApplicationInfo", "defaultInstallScope",
    };

    /// <summary>Every problem of <paramref name="manifest"/>; <paramref name="files"/> are the package's other files.</summary>
    public static IReadOnlyList<string> Check(JsonObject manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var field in manifest.Select(p => p.Key).Where(k => !KnownRootFields.Contains(k)))
            problems.Add($"'{field}' is not a field this package expects (see the Teams manifest schema)");

        if (Text(manifest, "manifestVersion", problems) is { } version && version != ManifestVersion)
            problems.Add($"manifestVersion must be \"{ManifestVersion}\"");
        if (Text(manifest, "$schema", problems) is { } schema && !schema.Contains($"/v{ManifestVersion}/", StringComparison.Ordinal))
            problems.Add($"$schema must be the v{ManifestVersion} schema");
        Matches(manifest, "version", SemVer(), "a version like 1.0.0", problems);
        var id = Matches(manifest, "id", Guid(), "a GUID (the Microsoft App ID)", problems);

        var developer = Object(manifest, "developer", problems);
        MaxLength(developer, "developer.name", "name", 32, problems);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            Matches(developer, $"developer.{url}", url, Https(), "an https:// address", problems);

        var name = Object(manifest, "name", problems);
        MaxLength(name, "name.short", "short", 30, problems);
        if (name?["full"] is not null)
            MaxLength(name, "name.full", "full", 100, problems);
        var description = Object(manifest, "description", problems);
        MaxLength(description, "description.short", "short", 80, problems);
        MaxLength(description, "description.full", "full", 4000, problems);
        Matches(manifest, "accentColor", HexColor(), "a colour like #1E5A8C", problems);

        var icons = Object(manifest, "icons", problems);
        Icon(icons, "color", ColorIconSize, needsAlpha: false, files, problems);
        Icon(icons, "outline", OutlineIconSize, needsAlpha: true, files, problems);

        Bots(manifest, id, problems);
        return problems;
    }

    private static void Bots(JsonObject manifest, string? appId, List<string> problems)
    {
        if (manifest["bots"] is not JsonArray { Count: 1 } bots || bots[0] is not JsonObject bot)
        {
            problems.Add("bots must hold exactly one bot");
            return;
        }
        if (Matches(bot, "bots[0].botId", "botId", Guid(), "a GUID (the Microsoft App ID)", problems) is { } botId && botId != appId)
            problems.Add("bots[0].botId must be the app's id: this package registers the bot under its own app id");
        Scopes(bot["scopes"], "bots[0].scopes", problems);
        if (bot["commandLists"] is not JsonArray lists)
            return;
        if (lists.Count > 3)
            problems.Add("bots[0].commandLists may hold at most 3 lists");
        foreach (var (list, i) in lists.Select((l, i) => (l as JsonObject, i)))
        {
            var where = $"bots[0].commandLists[{i}]";
            Scopes(list?["scopes"], where + ".scopes", problems);
            if (list?["commands"] is not JsonArray { Count: > 0 and <= 12 } commands)
            {
                problems.Add($"{where}.commands must hold 1 to 12 commands");
                continue;
            }
            foreach (var (command, j) in commands.Select((c, j) => (c as JsonObject, j)))
            {
                MaxLength(command, $"{where}.commands[{j}].title", "title", 128, problems);
                MaxLength(command, $"{where}.commands[{j}].description", "description", 4000, problems);
            }
        }
    }

    private static void Scopes(JsonNode? node, string where, List<string> problems)
    {
        var scopes = (node as JsonArray)?.Select(s => s is JsonValue v && v.TryGetValue<string>(out var text) ? text : "(not text)").ToList();
        if (scopes is not { Count: > 0 } || scopes.Count > BotScopes.Count)
            problems.Add($"{where} must list 1 to {BotScopes.Count} scopes");
        else if (scopes.FirstOrDefault(s => !BotScopes.Contains(s)) is { } unknown)
            problems.Add($"{where}: '{unknown}' is not a scope (allowed: {string.Join(", ", BotScopes)})");
        else if (scopes.Distinct(StringComparer.Ordinal).Count() != scopes.Count)
            problems.Add($"{where} lists a scope twice");
    }

    private static void Icon(JsonObject? icons, string kind, int size, bool needsAlpha, IReadOnlyDictionary<string, byte[]> files, List<string> problems)
    {
        var where = $"icons.{kind}";
        if (Text(icons, where, kind, problems) is not { } file)
            return;
        if (!files.TryGetValue(file, out var png))
        {
            problems.Add($"{where}: '{file}' is not in the package");
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

    private static JsonObject? Object(JsonObject manifest, string field, List<string> problems)
    {
        if (manifest[field] is JsonObject value)
            return value;
        problems.Add($"'{field}' is required");
        return null;
    }

    private static string? Text(JsonObject? parent, string field, List<string> problems) => Text(parent, field, field, problems);

    private static string? Text(JsonObject? parent, string where, string field, List<string> problems)
    {
        if (parent is null)
            return null;
        if (parent[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            return text;
        problems.Add($"'{where}' is required and must be text");
        return null;
    }

    private static void MaxLength(JsonObject? parent, string where, string field, int max, List<string> problems)
    {
        if (Text(parent, where, field, problems) is { } text && text.Length > max)
            problems.Add($"'{where}' has {text.Length} characters; at most {max} are allowed");
    }

    private static string? Matches(JsonObject parent, string field, Regex pattern, string expected, List<string> problems) =>
        Matches(parent, field, field, pattern, expected, problems);

    private static string? Matches(JsonObject? parent, string where, string field, Regex pattern, string expected, List<string> problems)
    {
        var text = Text(parent, where, field, problems);
        if (text is null || pattern.IsMatch(text))
            return text;
        problems.Add($"'{where}' is \"{text}\"; it must be {expected}");
        return null;
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    internal static partial Regex Guid();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex("^https://", RegexOptions.IgnoreCase)]
    private static partial Regex Https();
}
