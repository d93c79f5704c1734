using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// The shape of an entry file, from <c>faq/schema/entry.schema.json</c>: the same schema curators' editors check as
/// they type, so the editor and the bot cannot disagree on which fields an entry has. What spans files (answers word
/// for word in the page, unique phrasings, related entries that exist) is checked by <see cref="EntriesReader"/>.
/// </summary>
internal sealed class EntrySchema
{
    public const string File = "schema/entry.schema.json";

    private static readonly EvaluationOptions ListEveryError = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema schema;

    private EntrySchema(JsonSchema schema) => this.schema = schema;

    /// <summary>The folder's entry schema, or null (with a problem) when it is missing or not a schema.</summary>
    public static EntrySchema? Read(FaqFolder folder, List<FaqProblem> problems)
    {
        if (folder.ReadText(File) is not { } text)
        {
            problems.Add(new FaqProblem(folder.Display(File), 0, "file not found"));
            return null;
        }
        try
        {
            return new EntrySchema(JsonSchema.FromText(text));
        }
        catch (JsonException e)
        {
            problems.Add(new FaqProblem(folder.Display(File), (int)(e.LineNumber ?? -1) + 1, "not a JSON schema: " + e.Message));
            return null;
        }
    }

    /// <summary>Adds a problem, at the line of the offending field, for each way <paramref name="root"/> breaks the
    /// schema.</summary>
    /// <returns>Whether the entry has the schema's shape.</returns>
    public bool Check(YamlFile file, YamlMappingNode root)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var instance = JsonDocument.Parse(ToJson(root)!.ToJsonString());
        var results = schema.Evaluate(instance.RootElement, ListEveryError);
        if (results.IsValid)
            return true;
        var details = results.Details ?? [];
        // A branch of "oneOf" that failed while another passed is no problem: only errors with no passing node above
        // them in the schema count.
        var passed = details.Where(d => d.IsValid).Select(d => d.EvaluationPath).ToList();
        var reported = 0;
        foreach (var result in details.Where(d => d.Errors is { Count: > 0 } && !passed.Any(p => p != d.EvaluationPath && d.EvaluationPath.StartsWith(p))))
        {
            foreach (var message in result.Errors!.Values)
            {
                var location = result.InstanceLocation;
                var field = location.SegmentCount == 0 ? "" : string.Join('.', Enumerable.Range(0, location.SegmentCount).Select(i => location.GetSegment(i).ToString()));
                file.Problem(NodeAt(root, location), Describe(field, result.EvaluationPath, message));
                reported++;
            }
        }
        if (reported == 0)
            file.Problem(root, "the entry does not match " + File);
        return false;
    }

    /// <summary>What a curator reads: the field, then the schema's reason, said plainly for a field the schema does
    /// not know.</summary>
    private static string Describe(string field, JsonPointer evaluationPath, string message)
    {
        if (field.Length == 0)
            return message;
        var last = evaluationPath.SegmentCount == 0 ? "" : evaluationPath.GetSegment(evaluationPath.SegmentCount - 1).ToString();
        return last == "additionalProperties"
            ? $"unknown field '{field}' (the fields an entry may have are in {File})"
            : $"'{field}': {message}";
    }

    /// <summary>The YAML tree as JSON, every scalar as text: the loader reads every value of an entry as text.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Value: { } value } => JsonValue.Create(value),
        _ => null,
    };

    /// <summary>The node at <paramref name="pointer"/>, or the nearest node above it that exists (for a missing field,
    /// the mapping that lacks it). A field is found at its name, where a curator reads it.</summary>
    private static YamlNode NodeAt(YamlMappingNode root, JsonPointer pointer)
    {
        YamlNode node = root;
        YamlNode at = root;
        for (var i = 0; i < pointer.SegmentCount; i++)
        {
            var key = pointer.GetSegment(i).ToString();
            if (node is YamlMappingNode map && map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key) is { } keyNode)
                (node, at) = (map.Children[keyNode], keyNode);
            else if (node is YamlSequenceNode list && int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Children.Count)
                (node, at) = (list.Children[index], list.Children[index]);
            else
                break;
        }
        return at;
    }
}
