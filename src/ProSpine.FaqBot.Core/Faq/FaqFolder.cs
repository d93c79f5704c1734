using Microsoft.Extensions.FileProviders;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// The <c>faq/</c> folder as the readers see it: files through an <see cref="IFileProvider"/> (the disk, or memory
/// in a test), each named as a curator sees it in a problem ("faq/entries/lifespan.yaml").
/// </summary>
public sealed class FaqFolder(IFileProvider files, string name) : IDisposable
{
    private PhysicalFileProvider? owned;

    public IFileProvider Files { get; } = files ?? throw new ArgumentNullException(nameof(files));

    /// <summary>The folder <paramref name="directory"/> on disk, whose files it owns until disposed.</summary>
    /// <exception cref="FaqValidationException">The folder does not exist.</exception>
    public static FaqFolder OnDisk(string directory)
    {
        var root = Path.GetFullPath(directory);
        var name = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        if (!Directory.Exists(root))
            throw new FaqValidationException([new FaqProblem(name, 0, "folder not found")]);
        var files = new PhysicalFileProvider(root);
        return new FaqFolder(files, name) { owned = files };
    }

    /// <summary>How problems name <paramref name="relative"/>: the folder's own name, then the path inside it.</summary>
    public string Display(string relative) => relative.Length == 0 ? name : $"{name}/{relative}";

    /// <summary>The text of a file, or null when there is none.</summary>
    public string? ReadText(string relative)
    {
        var file = Files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
            return null;
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }

    /// <summary>The names of the files directly in <paramref name="subfolder"/>, or null when it does not exist.</summary>
    public IReadOnlyList<string>? FileNames(string subfolder)
    {
        var contents = Files.GetDirectoryContents(subfolder);
        return contents.Exists ? [.. contents.Where(f => !f.IsDirectory).Select(f => f.Name).Order(StringComparer.Ordinal)] : null;
    }

    public void Dispose() => owned?.Dispose();
}
