using System.Globalization;
using System.Text.RegularExpressions;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads and validates the whole <c>faq/</c> folder. Either every file is valid and a <see cref="FaqContent"/> comes
/// back, or a <see cref="FaqValidationException"/> lists every problem with its file and line.
/// </summary>
public static partial class FaqLoader
{
    public const string SourcesFile = "sources.yaml";
    public const string EntriesFolder = "entries";
    public const string VocabularyFile = "vocabulary.yaml";
    public const string SafetyFile = "safety.yaml";
    public const string MessagesFile = "messages.yaml";

    private static readonly string[] RuleRoutes = ["crisis", "emergency", "urgent", "handoff"];

    /// <summary>Loads <paramref name="faqDirectory"/>; throws <see cref="FaqValidationException"/> if anything is wrong.</summary>
    public static FaqContent Load(string faqDirectory)
    {
        var folder = new FaqFolder(Path.GetFullPath(faqDirectory));
        var problems = new List<FaqProblem>();
        if (!Directory.Exists(folder.Root))
            throw new FaqValidationException([new FaqProblem(folder.Display(""), 0, "folder not found")]);

        var pages = ReadSources(folder, problems);
        var messages = ReadMessages(folder, problems);
        var entries = ReadEntries(folder, pages, problems);
        var vocabulary = ReadVocabulary(folder, problems);
        var safety = ReadSafety(folder, messages, problems);
        var danger = DangerExemplarsReader.Read(folder.Path(DangerExemplarsReader.File), folder.Display(DangerExemplarsReader.File), problems);

        if (problems.Count > 0)
            throw new FaqValidationException(problems);
        return new FaqContent([.. pages.Values.Select(p => p.Page)], entries, vocabulary, safety, messages!, danger);
    }

    private sealed record PageWithSections(SourcePage Page, string CanonicalText, List<(string Name, int Start)> Sections);

    private sealed class FaqFolder(string root)
    {
        public string Root { get; } = root;

        public string Path(string relative) => System.IO.Path.Combine(Root, relative);

        public string Display(string relative) =>
            System.IO.Path.Combine(System.IO.Path.GetFileName(Root), relative).Replace('\\', '/').TrimEnd('/');
    }

    private static Dictionary<string, PageWithSections> ReadSources(FaqFolder folder, List<FaqProblem> problems)
    {
        var pages = new Dictionary<string, PageWithSections>(StringComparer.Ordinal);
        var file = YamlFile.Read(folder.Path(SourcesFile), folder.Display(SourcesFile), problems);
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
            var textPath = folder.Path(textFile);
            if (!File.Exists(textPath))
            {
                file.Problem(YamlFile.Child(map, "file"), $"page text '{textFile}' not found in {folder.Display("")}/");
                continue;
            }
            var text = File.ReadAllText(textPath);
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

    private static List<FaqEntry> ReadEntries(FaqFolder folder, Dictionary<string, PageWithSections> pages, List<FaqProblem> problems)
    {
        var entries = new List<FaqEntry>();
        var folderPath = folder.Path(EntriesFolder);
        if (!Directory.Exists(folderPath))
        {
            problems.Add(new FaqProblem(folder.Display(EntriesFolder), 0, "folder not found"));
            return entries;
        }
        var relatedToCheck = new List<(YamlFile File, string Id, string Related, YamlNode Node)>();
        var declaredIds = new HashSet<string>(StringComparer.Ordinal);
        var phrasingOwners = new Dictionary<string, (string Id, string Display, int Line)>(StringComparer.Ordinal);
        var files = Directory.GetFiles(folderPath, "*.*").Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal));
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var display = folder.Display(Path.Combine(EntriesFolder, Path.GetFileName(path)));
            var file = YamlFile.Read(path, display, problems);
            if (file.Root is not { } map)
            {
                declaredIds.Add(Path.GetFileNameWithoutExtension(path));
                continue;
            }
            file.RejectUnknownKeys(map, "id", "question", "alternates", "answer", "source", "related", "tags");
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
                file.RejectUnknownKeys(source, "page", "section");
                pageId = file.String(source, "page");
                section = file.String(source, "section");
            }
            if (id is not null)
            {
                declaredIds.Add(id);
                if (!IdPattern().IsMatch(id))
                    file.Problem(YamlFile.Child(map, "id"), $"id '{id}' must be lowercase letters, digits and single dashes");
                else if (id != Path.GetFileNameWithoutExtension(path))
                    file.Problem(YamlFile.Child(map, "id"), $"id '{id}' must match the file name ({id}.yaml)");
                else if (entries.Any(e => e.Id == id))
                    file.Problem(YamlFile.Child(map, "id"), $"id '{id}' is used by another entry");
            }

            PageWithSections? page = null;
            if (pageId is not null && !pages.TryGetValue(pageId, out page))
                file.Problem(YamlFile.Child(source!, "page"), $"unknown page '{pageId}' (see {SourcesFile})");
            if (page is not null)
                CheckAnswerIsVerbatim(file, page, section, source!, answer);

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
            problems.Add(new FaqProblem(folder.Display(EntriesFolder), 0, "no entries found"));
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

    private static Vocabulary ReadVocabulary(FaqFolder folder, List<FaqProblem> problems)
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignore = new HashSet<string>(StringComparer.Ordinal);
        var weak = new HashSet<string>(StringComparer.Ordinal);
        var file = YamlFile.Read(folder.Path(VocabularyFile), folder.Display(VocabularyFile), problems);
        if (file.Root is { } root)
        {
            file.RejectUnknownKeys(root, "synonyms", "spellings", "ignore", "weak");
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file.Mapping(root, "synonyms") is { } synonymMap)
            {
                foreach (var (keyNode, valueNode) in synonymMap.Children)
                {
                    var key = TextNormalizer.Normalize((keyNode as YamlScalarNode)?.Value);
                    if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
                    {
                        file.Problem(keyNode, "a synonym key must be a single word");
                        continue;
                    }
                    var phrases = new List<string>();
                    foreach (var (phrase, node) in file.Strings(valueNode, key))
                    {
                        var normalized = TextNormalizer.Normalize(phrase);
                        if (owners.TryGetValue(normalized, out var owner) && owner != key)
                            file.Problem(node, $"'{phrase}' is already a synonym of '{owner}'");
                        else if (normalized.Length > 0 && normalized != key)
                            phrases.Add(normalized);
                        owners[normalized] = key;
                    }
                    synonyms[key] = phrases;
                }
            }
            if (file.Mapping(root, "spellings", required: false) is { } spellingMap)
            {
                foreach (var (keyNode, valueNode) in spellingMap.Children)
                {
                    var from = TextNormalizer.Normalize((keyNode as YamlScalarNode)?.Value);
                    var to = TextNormalizer.Normalize((valueNode as YamlScalarNode)?.Value);
                    if (from.Length == 0 || to.Length == 0 || from.Contains(' ', StringComparison.Ordinal) || to.Contains(' ', StringComparison.Ordinal))
                        file.Problem(keyNode, "a spelling maps one word to one word");
                    else
                        spellings[from] = to;
                }
            }
            ignore.UnionWith(file.Strings(root, "ignore").SelectMany(w => TextNormalizer.Words(w.Value)));
            weak.UnionWith(file.Strings(root, "weak").SelectMany(w => TextNormalizer.Words(w.Value)));
        }
        return new Vocabulary(synonyms, spellings, ignore, weak);
    }

    private static SafetyRules ReadSafety(FaqFolder folder, Messages? messages, List<FaqProblem> problems)
    {
        var rules = new List<SafetyRule>();
        var smallTalk = new Dictionary<string, IReadOnlyList<SafetyPhrase>>(StringComparer.Ordinal);
        var languages = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var file = YamlFile.Read(folder.Path(SafetyFile), folder.Display(SafetyFile), problems);
        if (file.Root is not { } root)
            return new SafetyRules(rules, smallTalk, languages, []);

        file.RejectUnknownKeys(root, [.. RuleRoutes, "lists", "smallTalk", "languages", "setAside"]);
        var setAside = Phrases(file, file.Strings(root, "setAside", required: true));
        var lists = new Dictionary<string, List<(string, YamlNode)>>(StringComparer.Ordinal);
        if (file.Mapping(root, "lists", required: false) is { } listMap)
        {
            foreach (var (keyNode, valueNode) in listMap.Children)
                lists[((YamlScalarNode)keyNode).Value ?? ""] = file.Strings(valueNode, "lists");
        }
        List<(string, YamlNode)> Expand(List<(string Value, YamlNode Node)> items) =>
            [.. items.SelectMany(item => !item.Value.StartsWith('@') ? [item]
                : lists.TryGetValue(item.Value[1..], out var list) ? list
                : Unknown(item))];
        List<(string, YamlNode)> Unknown((string Value, YamlNode Node) item)
        {
            file.Problem(item.Node, $"unknown list '{item.Value}' (define it under 'lists')");
            return [];
        }

        foreach (var routeName in RuleRoutes)
        {
            if (YamlFile.Child(root, routeName) is null)
                file.Problem(root, $"'{routeName}' is missing");
            var route = Enum.Parse<Route>(routeName, ignoreCase: true);
            foreach (var map in file.Mappings(root, routeName))
            {
                file.RejectUnknownKeys(map, "name", "reason", "any", "all", "unless", "offerFaq", "safetyNet", "askedInGeneral");
                var name = file.String(map, "name") ?? "?";
                var reason = file.String(map, "reason", required: false);
                var any = Phrases(file, Expand(file.Strings(map, "any")));
                var all = new List<IReadOnlyList<SafetyPhrase>>();
                if (YamlFile.Child(map, "all") is YamlSequenceNode groups)
                    all.AddRange(groups.Children.Select(g => (IReadOnlyList<SafetyPhrase>)Phrases(file, Expand(file.Strings(g, "all")))));
                else if (YamlFile.Child(map, "all") is { } notList)
                    file.Problem(notList, "'all' must be a list of lists of phrases");
                var unless = Phrases(file, file.Strings(map, "unless"));
                var offerFaq = Flag(file, map, "offerFaq");
                var safetyNet = Flag(file, map, "safetyNet");
                var askedInGeneral = Flag(file, map, "askedInGeneral");
                if (any.Count == 0 && all.Count == 0)
                    file.Problem(map, $"rule '{name}' needs 'any' or 'all' phrases");
                if (reason is not null && messages is not null && !messages.Has(MessageKeys.HandoffReasonPrefix + reason))
                    file.Problem(YamlFile.Child(map, "reason"), $"reason '{reason}' has no text in {MessagesFile} (handoffReasons.{reason})");
                rules.Add(new SafetyRule(name, route, reason, any, all, unless, offerFaq, safetyNet, askedInGeneral));
            }
        }
        if (file.Mapping(root, "smallTalk") is { } smallTalkMap)
        {
            foreach (var (keyNode, valueNode) in smallTalkMap.Children)
            {
                var kind = ((YamlScalarNode)keyNode).Value ?? "";
                smallTalk[kind] = Phrases(file, file.Strings(valueNode, kind));
                if (messages is not null && !messages.Has(MessageKeys.SmallTalkPrefix + kind))
                    file.Problem(keyNode, $"small talk '{kind}' has no reply in {MessagesFile} (smallTalk.{kind})");
            }
        }
        if (file.Mapping(root, "languages", required: false) is { } languageMap)
        {
            foreach (var (keyNode, valueNode) in languageMap.Children)
            {
                var language = ((YamlScalarNode)keyNode).Value ?? "";
                languages[language] = file.Strings(valueNode, language).SelectMany(w => TextNormalizer.Words(w.Value)).ToHashSet(StringComparer.Ordinal);
                if (messages is not null && !messages.Has(MessageKeys.Handoff, language))
                    file.Problem(keyNode, $"language '{language}' has no hand-off text in {MessagesFile} ({language}: handoff)");
            }
        }
        return new SafetyRules(rules, smallTalk, languages, setAside);
    }

    /// <summary>An optional true/false field; anything but "true" is false.</summary>
    private static bool Flag(YamlFile file, YamlMappingNode map, string key) =>
        file.String(map, key, required: false) is { } value && bool.TryParse(value, out var flag) && flag;

    private static List<SafetyPhrase> Phrases(YamlFile file, List<(string Value, YamlNode Node)> items)
    {
        var phrases = new List<SafetyPhrase>();
        foreach (var (value, node) in items)
        {
            var words = TextNormalizer.Words(value);
            if (words.Count == 0)
                file.Problem(node, $"phrase '{value}' has no words");
            else
                phrases.Add(new SafetyPhrase(words, value.EndsWith('*'), value));
        }
        return phrases;
    }

    private static Messages? ReadMessages(FaqFolder folder, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder.Path(MessagesFile), folder.Display(MessagesFile), problems);
        if (file.Root is not { } root)
            return null;
        var byLanguage = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var language = (keyNode as YamlScalarNode)?.Value ?? "";
            if (valueNode is not YamlMappingNode texts)
            {
                file.Problem(valueNode, $"'{language}' must hold the texts of that language as 'name: text' lines");
                continue;
            }
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(file, texts, "", flat);
            byLanguage[language] = flat;
        }
        if (!byLanguage.TryGetValue(Messages.DefaultLanguage, out var english))
        {
            file.Problem(root, $"'{Messages.DefaultLanguage}' (the English texts) is missing");
            return null;
        }
        foreach (var key in MessageKeys.Required.Where(k => !english.ContainsKey(k)))
            file.Problem(YamlFile.Child(root, Messages.DefaultLanguage), $"the English text '{key}' is missing");
        return new Messages(byLanguage);
    }

    private static void Flatten(YamlFile file, YamlMappingNode map, string prefix, Dictionary<string, string> into)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? "");
            switch (valueNode)
            {
                case YamlMappingNode nested:
                    Flatten(file, nested, key + ".", into);
                    break;
                case YamlScalarNode { Value: { } text } when !string.IsNullOrWhiteSpace(text):
                    into[key] = text.Trim();
                    break;
                default:
                    file.Problem(valueNode, $"'{key}' must be a non-empty text");
                    break;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
