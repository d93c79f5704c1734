using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads one YAML file of <c>faq/</c> as a tree with line numbers, and turns every shape error into a
/// <see cref="FaqProblem"/> naming the file and line, so curators see all their mistakes at once.
/// </summary>
internal sealed class YamlFile
{
    private readonly List<FaqProblem> problems;

    private YamlFile(string displayPath, List<FaqProblem> problems, YamlMappingNode? root)
    {
        DisplayPath = displayPath;
        this.problems = problems;
        Root = root;
    }

    public string DisplayPath { get; }

    /// <summary>The top-level mapping, or null when the file is missing, unreadable or not a mapping.</summary>
    public YamlMappingNode? Root { get; }

    /// <summary>Reads <paramref name="relative"/> of <paramref name="folder"/>; a missing or broken file is a problem.</summary>
    public static YamlFile Read(FaqFolder folder, string relative, List<FaqProblem> problems)
    {
        var displayPath = folder.Display(relative);
        if (folder.ReadText(relative) is not { } text)
        {
            problems.Add(new FaqProblem(displayPath, 0, "file not found"));
            return new YamlFile(displayPath, problems, null);
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new FaqProblem(displayPath, 1, "expected 'key: value' lines at the top level"));
                return new YamlFile(displayPath, problems, null);
            }
            return new YamlFile(displayPath, problems, root);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split(": ", 2)[^1];
            problems.Add(new FaqProblem(displayPath, (int)e.Start.Line, "YAML syntax error: " + reason));
            return new YamlFile(displayPath, problems, null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, without a position, for some unclosed [ or {: find where parsing stopped.
            problems.Add(new FaqProblem(displayPath, LastParsedLine(text), "YAML syntax error: an unclosed [ or { (or a misplaced character) near this line"));
            return new YamlFile(displayPath, problems, null);
        }
    }

    private static int LastParsedLine(string text)
    {
        var parser = new Parser(new StringReader(text));
        var line = 1;
        try
        {
            while (parser.MoveNext())
                line = (int)parser.Current!.Start.Line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: this is the failure being located.
        }
        return line;
    }

    public void Problem(YamlNode? node, string message) =>
        problems.Add(new FaqProblem(DisplayPath, node is null ? 0 : (int)node.Start.Line, message));

    public void RejectUnknownKeys(YamlMappingNode map, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !known.Contains(name, StringComparer.Ordinal))
                Problem(key, $"unknown field '{name}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? String(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
                Problem(map, $"'{key}' is missing");
            return null;
        }
        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            if (required || node is not YamlScalarNode)
                Problem(node, $"'{key}' must be a non-empty text");
            return null;
        }
        return scalar.Value.Trim();
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public List<(string Value, YamlNode Node)> Strings(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        return node is null ? Missing(map, key, required) : Strings(node, key);
    }

    public List<(string Value, YamlNode Node)> Strings(YamlNode node, string key)
    {
        var result = new List<(string, YamlNode)>();
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode scalar => [scalar],
            _ => null,
        };
        if (items is null)
        {
            Problem(node, $"'{key}' must be a list of texts");
            return result;
        }
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                result.Add((value.Trim(), item));
            else
                Problem(item, $"each item of '{key}' must be a non-empty text");
        }
        return result;
    }

    public YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
                Problem(map, $"'{key}' is missing");
            return null;
        }
        if (node is YamlMappingNode mapping)
            return mapping;
        Problem(node, $"'{key}' must be a set of 'name: value' lines");
        return null;
    }

    public IEnumerable<YamlMappingNode> Mappings(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
            yield break;
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list");
            yield break;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
                yield return mapping;
            else
                Problem(item, $"each item of '{key}' must be a set of 'name: value' lines");
        }
    }

    private List<(string, YamlNode)> Missing(YamlMappingNode map, string key, bool required)
    {
        if (required)
            Problem(map, $"'{key}' is missing");
        return [];
    }
}
