namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Finds the folder that holds <c>appsettings.json</c> and <c>faq/</c> (the repository root, or a publish folder),
/// so the bot and the curator command work from any working directory.
/// </summary>
public static class FaqFolderLocator
{
    /// <summary>The nearest folder, from the program's own folder upwards, then from the working directory
    /// upwards, that contains <c>faq/sources.yaml</c>.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "faq", FaqLoader.SourcesFile)))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The <c>faq/</c> folder under <see cref="FindRoot"/>.</summary>
    public static string? Find() => FindRoot() is { } root ? Path.Combine(root, "faq") : null;
}
