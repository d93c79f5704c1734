using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.Hosting;

/// <summary>
/// The folder holding <c>appsettings.json</c> and <c>faq/</c>: the repository root when run from a clone (any working
/// directory, <c>dotnet run</c> or the built dll), or the publish folder when published.
/// </summary>
internal static class ContentRoot
{
    public static string Locate() => FaqFolderLocator.FindRoot() ?? AppContext.BaseDirectory;
}
