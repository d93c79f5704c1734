using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>
/// Microsoft's Teams app manifest schema, v<see cref="Version"/>, unchanged (<c>schema/</c>, see its README), checked
/// with JsonSchema.Net. Each problem reads "location: reason", the location a JSON Pointer into the manifest
/// (<c>/bots/0/scopes/1</c>), so an edit to the template that Teams would reject fails before upload, in plain words.
/// </summary>
internal static class ManifestSchema
{
    public const string Version = "1.25";

    private static readonly EvaluationOptions ListEveryNode = new() { OutputFormat = OutputFormat.List };

    private static readonly Lazy<(JsonSchema Schema, JsonNode Document)> Loaded = new(Load);

    /// <summary>The schema file, copied next to the program at build time.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "schema", $"MicrosoftTeams.v{Version}.schema.json");

    /// <summary>Every way <paramref name="manifest"/> breaks the schema; empty when it meets it.</summary>
    public static IReadOnlyList<string> Problems(JsonNode manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var (schema, document) = Loaded.Value;
        using var instance = JsonDocument.Parse(manifest.ToJsonString());
        var results = schema.Evaluate(instance.RootElement, ListEveryNode);
        if (results.IsValid)
            return [];

        var nodes = results.Details ?? [];
        var passed = nodes.Where(n => n.IsValid).Select(n => (Schema: n.EvaluationPath.ToString(), Instance: n.InstanceLocation.ToString())).ToList();
        var problems = new List<string>();
        foreach (var node in nodes.Where(n => n.Errors is { Count: > 0 }))
        {
            var (schemaPath, location) = (node.EvaluationPath.ToString(), node.InstanceLocation.ToString());
            // A branch of a oneOf or anyOf that failed while another passed is no problem. The same schema path is
            // evaluated once per array item, so a passing node counts only over the same part of the manifest.
            if (passed.Any(p => schemaPath.StartsWith(p.Schema + "/", StringComparison.Ordinal) && (location == p.Instance || location.StartsWith(p.Instance + "/", StringComparison.Ordinal))))
                continue;
            var rule = SchemaAt(document, node.EvaluationPath) as JsonObject;
            node.InstanceLocation.TryEvaluate(manifest, out var value);
            foreach (var (keyword, message) in node.Errors!)
                problems.AddRange(Describe(schemaPath, keyword, message, rule, location, value));
        }
        return problems;
    }

    /// <summary>The reason in plain words, with the schema's own limit or list where the library's message leaves
    /// it out.</summary>
    private static IEnumerable<string> Describe(string schemaPath, string keyword, string message, JsonObject? rule, string location, JsonNode? value)
    {
        var at = location.Length == 0 ? "(the manifest)" : location;
        // The schema's "additionalProperties": false fails as a false schema, with no keyword of its own.
        if (keyword.Length == 0 && schemaPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
            return [$"{at}: not a field the Teams manifest schema v{Version} allows here"];
        return keyword switch
        {
            "required" when rule?["required"] is JsonArray required && value is JsonObject present =>
                required.Select(Text).OfType<string>().Where(name => !present.ContainsKey(name)).Select(name => $"{location}/{Escape(name)}: is required"),
            "enum" when rule?["enum"] is JsonArray allowed => [$"{at}: value must be one of {string.Join(", ", allowed.Select(Show))} (it is {Show(value)})"],
            "const" when rule is not null && rule.TryGetPropertyValue("const", out var expected) => [$"{at}: value must be {Show(expected)} (it is {Show(value)})"],
            "pattern" when rule?["pattern"] is { } pattern => [$"{at}: {Show(value)} does not match the pattern {Text(pattern)}"],
            "maxLength" when Text(value) is { } text => [$"{at}: {text.EnumerateRunes().Count()} characters; at most {rule?["maxLength"]} are allowed"],
            "maxItems" when value is JsonArray items => [$"{at}: {items.Count} items; at most {rule?["maxItems"]} are allowed"],
            _ => [$"{at}: {message}"],
        };
    }

    private static (JsonSchema, JsonNode) Load()
    {
        var text = File.ReadAllText(FilePath);
        // The schema declares draft-04, which JsonSchema.Net does not implement, yet relies on draft-06's "const" for
        // manifestVersion. Draft-06 reads every keyword it uses as its authors meant (it has no "id" and no boolean
        // exclusiveMinimum/exclusiveMaximum, the keywords whose meaning changed), so the draft-04 address is mapped to
        // draft-06 for this schema alone.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#")));
        var schema = JsonSchema.FromText(text, new BuildOptions { DialectRegistry = dialects });
        return (schema, JsonNode.Parse(text)!);
    }

    /// <summary>The subschema at an evaluation path, following the schema's local <c>$ref</c>s as the evaluator
    /// did.</summary>
    private static JsonNode? SchemaAt(JsonNode document, JsonPointer path)
    {
        JsonNode? node = document;
        for (var i = 0; i < path.SegmentCount && node is not null; i++)
        {
            var segment = path.GetSegment(i).ToString();
            node = node is JsonObject schema && segment == "$ref" && Text(schema[segment]) is { } reference && reference.StartsWith('#')
                && JsonPointer.TryParse(Uri.UnescapeDataString(reference[1..]), out var target) && target.TryEvaluate(document, out var resolved)
                ? resolved
                : node switch
                {
                    JsonObject map => map[segment],
                    JsonArray list when int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
                    _ => null,
                };
        }
        return node;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A value as it reads in the manifest; text in quotes, unescaped.</summary>
    private static string Show(JsonNode? node) => node is null ? "null" : Text(node) is { } text ? $"\"{text}\"" : node.ToJsonString();

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
