using System.Globalization;
using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>A page of <c>sources.yaml</c> with its text made comparable and where each of its sections starts.</summary>
internal sealed record PageWithSections(SourcePage Page, string CanonicalText, List<(string Name, int Start)> Sections);

/// <summary>Reads <c>faq/sources.yaml</c> and the page texts it names, and finds each section's heading in its page.</summary>
internal static class SourcesReader
{
    public const string File = "sources.yaml";

    public static Dictionary<string, PageWithSections> Read(FaqFolder folder, List<FaqProblem> problems)
    {
        var pages = new Dictionary<string, PageWithSections>(StringComparer.Ordinal);
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is null)
            return pages;
        file.RejectUnknownKeys(file.Root, "pages");
        foreach (var map in file.Mappings(file.Root, "pages"))
        {
            file.RejectUnknownKeys(map, "id", "title", "clinic", "updated", "author", "url", "file", "sections");
            var id = file.String(map, "id");
            var title = file.String(map, "title");
            var clinic = file.String(map, "clinic");
            var author = file.String(map, "author");
            var url = file.String(map, "url", required: false) ?? "";
            var updatedText = file.String(map, "updated");
            var textFile = file.String(map, "file");
            var sections = file.Strings(map, "sections", required: true);
            DateOnly updated = default;
            if (updatedText is not null && !DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out updated))
                file.Problem(YamlFile.Child(map, "updated"), "'updated' must be a date written as YYYY-MM-DD");
            if (id is null || title is null || clinic is null || author is null || textFile is null || updated == default)
                continue;
            if (pages.ContainsKey(id))
            {
                file.Problem(map, $"page id '{id}' is used twice");
                continue;
            }
            if (folder.ReadText(textFile) is not { } text)
            {
                file.Problem(YamlFile.Child(map, "file"), $"page text '{textFile}' not found in {folder.Display("")}/");
                continue;
            }
            var canonical = VerbatimText.Canonical(text);
            var lines = text.Split('\n').Select(l => VerbatimText.Canonical(l)).ToList();
            var located = new List<(string, int)>();
            foreach (var (heading, node) in sections)
            {
                // The first section may be the text above every heading, which has no heading line of its own.
                if (located.Count == 0 && !lines.Contains(VerbatimText.Canonical(heading)))
                {
                    located.Add((heading, 0));
                    continue;
                }
                var at = FindLine(canonical, VerbatimText.Canonical(heading), located.Count == 0 ? 0 : located[^1].Item2);
                if (at < 0)
                    file.Problem(node, $"section '{heading}' is not a heading line of {textFile} (or is out of order)");
                else
                    located.Add((heading, at));
            }
            var page = new SourcePage(id, title, clinic, updated, author, url, text);
            pages[id] = new PageWithSections(page, canonical, located);
        }
        if (pages.Count == 0 && file.Root is not null && problems.Count == 0)
            file.Problem(file.Root, "'pages' must list at least one page");
        return pages;
    }

    private static int FindLine(string canonicalText, string canonicalLine, int from)
    {
        for (var at = canonicalText.IndexOf(canonicalLine, from, StringComparison.Ordinal); at >= 0;
             at = canonicalText.IndexOf(canonicalLine, at + 1, StringComparison.Ordinal))
        {
            // A heading stands alone: what follows it starts a new sentence of the next block.
            var end = at + canonicalLine.Length;
            if (end == canonicalText.Length || canonicalText[end] == ' ')
                return at;
        }
        return -1;
    }
}
