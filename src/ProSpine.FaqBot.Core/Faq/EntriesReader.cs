using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/entries/</c>, one entry per file. Each file's shape is checked against the entry schema first
/// (<see cref="EntrySchema"/>); then what spans files: each answer passage is word for word in its page's section, each
/// id is the file's name and unique, each phrasing leads to one entry, and each related entry exists.
/// </summary>
internal static class EntriesReader
{
    public const string Folder = "entries";

    public static List<FaqEntry> Read(FaqFolder folder, Dictionary<string, PageWithSections> pages, List<FaqProblem> problems)
    {
        var entries = new List<FaqEntry>();
        if (folder.FileNames(Folder) is not { } names)
        {
            problems.Add(new FaqProblem(folder.Display(Folder), 0, "folder not found"));
            return entries;
        }
        var schema = EntrySchema.Read(folder, problems);
        var relatedToCheck = new List<(YamlFile File, string Id, string Related, YamlNode Node)>();
        var declaredIds = new HashSet<string>(StringComparer.Ordinal);
        var phrasingOwners = new Dictionary<string, (string Id, string Display, int Line)>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.EndsWith(".yaml", StringComparison.Ordinal) || n.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var file = YamlFile.Read(folder, $"{Folder}/{name}", problems);
            var display = file.DisplayPath;
            // A file that is not an entry still declares its id: one mistake gives one problem, not one per reference.
            if (file.Root is not { } map || schema?.Check(file, map) != true)
            {
                declaredIds.Add(Path.GetFileNameWithoutExtension(name));
                continue;
            }
            var id = file.String(map, "id");
            var question = file.String(map, "question");
            var alternates = file.Strings(map, "alternates");
            var answer = file.Strings(map, "answer", required: true);
            var related = file.Strings(map, "related");
            var tags = file.Strings(map, "tags");
            var source = file.Mapping(map, "source");
            string? pageId = null, section = null;
            if (source is not null)
            {
                pageId = file.String(source, "page");
                section = file.String(source, "section");
            }
            if (id is not null)
            {
                declaredIds.Add(id);
                if (id != Path.GetFileNameWithoutExtension(name))
                    file.Problem(YamlFile.Child(map, "id"), $"id '{id}' must match the file name ({id}.yaml)");
                else if (entries.Any(e => e.Id == id))
                    file.Problem(YamlFile.Child(map, "id"), $"id '{id}' is used by another entry");
            }

            PageWithSections? page = null;
            if (pageId is not null && !pages.TryGetValue(pageId, out page))
                file.Problem(YamlFile.Child(source!, "page"), $"unknown page '{pageId}' (see {SourcesReader.File})");
            if (page is not null)
                CheckAnswerIsVerbatim(file, page, section, source!, answer);
            RepeatedPassages.Check(file, answer);

            if (id is not null && question is not null)
            {
                var phrasings = alternates.Prepend((question, YamlFile.Child(map, "question")!));
                foreach (var (phrasing, node) in phrasings)
                {
                    var key = TextNormalizer.Normalize(phrasing);
                    if (key.Length == 0)
                        file.Problem(node, $"'{phrasing}' has no words");
                    else if (phrasingOwners.TryGetValue(key, out var owner))
                        file.Problem(node, owner.Id == id
                            ? $"phrasing '{phrasing}' appears twice in this entry (line {owner.Line})"
                            : $"phrasing '{phrasing}' is also used by entry '{owner.Id}' ({owner.Display}:{owner.Line}); a phrasing must lead to one answer");
                    else
                        phrasingOwners[key] = (id, display, (int)node.Start.Line);
                }
                relatedToCheck.AddRange(related.Select(r => (file, id, r.Value, r.Node)));
            }

            if (id is null || question is null || answer.Count == 0 || page is null || section is null)
                continue;
            entries.Add(new FaqEntry(id, question, [.. alternates.Select(a => a.Value)], [.. answer.Select(a => a.Value)],
                page.Page, section, [.. related.Select(r => r.Value)], [.. tags.Select(t => t.Value)]));
        }

        // An entry with other problems still declares its id: one mistake gives one error, not one per reference.
        foreach (var (file, id, relatedId, node) in relatedToCheck)
        {
            if (relatedId == id)
                file.Problem(node, "an entry cannot be related to itself");
            else if (!declaredIds.Contains(relatedId))
                file.Problem(node, $"related entry '{relatedId}' does not exist");
        }
        if (entries.Count == 0 && problems.Count == 0)
            problems.Add(new FaqProblem(folder.Display(Folder), 0, "no entries found"));
        return entries;
    }

    private static void CheckAnswerIsVerbatim(
        YamlFile file, PageWithSections page, string? section, YamlMappingNode source, List<(string Value, YamlNode Node)> answer)
    {
        var sectionIndex = section is null ? -1 : page.Sections.FindIndex(s => s.Name == section);
        if (section is not null && sectionIndex < 0)
        {
            file.Problem(YamlFile.Child(source, "section"),
                $"unknown section '{section}' (the sections of '{page.Page.Id}' are: {string.Join(" | ", page.Sections.Select(s => s.Name))})");
        }
        for (var i = 0; i < answer.Count; i++)
        {
            var (passage, node) = answer[i];
            var canonical = VerbatimText.Canonical(passage);
            var at = page.CanonicalText.IndexOf(canonical, StringComparison.Ordinal);
            if (at < 0)
            {
                file.Problem(node, $"this answer passage is not word for word in {page.Page.Id}'s text: {DescribeDrift(page.CanonicalText, canonical)}");
                continue;
            }
            if (i == 0 && sectionIndex >= 0)
            {
                var start = page.Sections[sectionIndex].Start;
                var end = sectionIndex + 1 < page.Sections.Count ? page.Sections[sectionIndex + 1].Start : int.MaxValue;
                if (at < start || at >= end)
                    file.Problem(YamlFile.Child(source, "section"), $"the answer's first passage is not in section '{section}'");
            }
        }
    }

    /// <summary>Points at the first word where a passage leaves the page, so a curator sees the drift at once.</summary>
    private static string DescribeDrift(string pageText, string passage)
    {
        var words = passage.Split(' ');
        var matched = 0;
        for (var n = 1; n <= words.Length; n++)
        {
            if (pageText.Contains(string.Join(' ', words.Take(n)), StringComparison.Ordinal))
                matched = n;
            else
                break;
        }
        return matched == 0
            ? $"its first word '{words[0]}' does not start any text of the page"
            : $"it follows the page up to \"{string.Join(' ', words.Take(matched).TakeLast(6))}\" and then differs at \"{words[matched]}\"";
    }
}
