using System.Text.RegularExpressions;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Architecture;

/// <summary>
/// The folders of the host and of Core are layers: each folder is one namespace, and no folder depends, directly or
/// through others, on one that depends on it. In the host, <c>Hosting/</c> only wires the others together, so nothing
/// depends on it; in Core, <c>Content/</c> holds the records of <c>faq/</c> and depends on nothing. A folder depends on
/// another when one of its source files names that folder's namespace (a using or a qualified name).
/// </summary>
public sealed partial class LayerTests
{
    private static readonly string HostSource = Path.Combine(Repository.Root, "src", "ProSpine.FaqBot");
    private static readonly string CoreSource = Path.Combine(Repository.Root, "src", "ProSpine.FaqBot.Core");

    [Fact]
    public void The_host_folders_depend_on_each_other_without_cycles()
    {
        var dependencies = FolderDependencies(HostSource, HostNamespace());

        var cycle = FindCycle(dependencies);

        Assert.True(cycle is null, $"dependency cycle between the host's folders: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void Only_the_program_depends_on_the_wiring_folder()
    {
        var dependents = FolderDependencies(HostSource, HostNamespace()).Where(d => d.Value.Contains("Hosting")).Select(d => d.Key);

        Assert.Empty(dependents);
    }

    [Fact]
    public void The_core_folders_depend_on_each_other_without_cycles()
    {
        var dependencies = FolderDependencies(CoreSource, CoreNamespace());

        var cycle = FindCycle(dependencies);

        Assert.True(cycle is null, $"dependency cycle between Core's folders: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_content_records_depend_on_no_other_core_folder()
    {
        var dependencies = FolderDependencies(CoreSource, CoreNamespace());

        Assert.Empty(dependencies["Content"]);
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
        Assert.Null(FindCycle(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = [] }));
    }

    private static Dictionary<string, HashSet<string>> FolderDependencies(string source, Regex folderNamespace)
    {
        var folders = Directory.GetDirectories(source)
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any(f => !IsBuildOutput(f)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(folders.Count > 3, $"too few folders found in {source}");
        return folders.ToDictionary(folder => folder, folder => Directory
            .EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .SelectMany(f => folderNamespace.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(name => name != folder && folders.Contains(name))
            .ToHashSet(StringComparer.Ordinal));
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>A cycle as the folders along it, first repeated at the end; null when there is none.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
                return [.. path[at..], node];
            if (!done.Add(node))
                return null;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"\bProSpine\.FaqBot\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex HostNamespace();

    [GeneratedRegex(@"\bProSpine\.FaqBot\.Core\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex CoreNamespace();
}
