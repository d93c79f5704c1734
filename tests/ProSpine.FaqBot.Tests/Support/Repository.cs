using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>Paths inside this repository, found from the test assembly's folder.</summary>
public static class Repository
{
    public static string Root { get; } = FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("repository root not found");

    public static string Faq => Path.Combine(Root, "faq");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>A fresh copy of <c>faq/</c> in a temporary folder (named <c>faq</c>), to break or edit safely.</summary>
    public static TemporaryFaq CopyFaq() => new(Faq);
}

/// <summary>A fresh copy of an FAQ folder in a temporary folder named <c>faq</c>, deleted on dispose.</summary>
public sealed class TemporaryFaq : IDisposable
{
    /// <param name="source">The FAQ folder to copy.</param>
    public TemporaryFaq(string source)
    {
        Parent = Path.Combine(Path.GetTempPath(), "faqbot-tests-" + Guid.NewGuid().ToString("N"));
        Directory = Path.Combine(Parent, "faq");
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Parent { get; }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Replaces the first occurrence of <paramref name="from"/> in a file; fails if it is absent.</summary>
    public void Replace(string relative, string from, string to)
    {
        var text = File.ReadAllText(PathOf(relative));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in {relative}");
        File.WriteAllText(PathOf(relative), string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    /// <summary>Adds <paramref name="phrasing"/> (a YAML scalar) as the lifespan entry's first alternate phrasing.</summary>
    public void AddLifespanPhrasing(string phrasing) =>
        Replace("entries/lifespan.yaml", "alternates:\n", $"alternates:\n  - {phrasing}\n");

    /// <summary>The 1-based line of <paramref name="text"/> in a file.</summary>
    public int LineOf(string relative, string text) =>
        File.ReadAllLines(PathOf(relative)).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>The problems that stop this folder from loading (the load must fail).</summary>
    public IReadOnlyList<FaqProblem> LoadProblems() =>
        Assert.Throws<FaqValidationException>(() => FaqLoader.Load(Directory)).Problems;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the system.
        }
    }
}
