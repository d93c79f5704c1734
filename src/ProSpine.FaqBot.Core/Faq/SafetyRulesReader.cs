using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/safety.yaml</c>: the crisis, emergency, urgent and hand-off rules in order, small talk, language
/// markers and set-aside phrases. Each reason and kind of small talk must have its text in <c>messages.yaml</c>.
/// </summary>
internal static class SafetyRulesReader
{
    public const string File = "safety.yaml";

    private static readonly string[] RuleSections = ["crisis", "emergency", "urgent", "handoff"];

    public static SafetyRules Read(FaqFolder folder, CuratedTexts? messages, List<FaqProblem> problems)
    {
        var rules = new List<SafetyRule>();
        var smallTalk = new Dictionary<string, IReadOnlyList<SafetyPhrase>>(StringComparer.Ordinal);
        var languages = new Dictionary<Language, IReadOnlySet<string>>();
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return new SafetyRules(rules, smallTalk, languages, []);

        file.RejectUnknownKeys(root, [.. RuleSections, "lists", "smallTalk", "smallTalkFiller", "languages", "setAside", "longOver", "askedForStudy"]);
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

        foreach (var section in RuleSections)
        {
            if (YamlFile.Child(root, section) is null)
                file.Problem(root, $"'{section}' is missing");
            var kind = Enum.Parse<RuleKind>(section, ignoreCase: true);
            foreach (var map in file.Mappings(root, section))
            {
                file.RejectUnknownKeys(map, "name", "reason", "any", "all", "unless", "offerFaq", "safetyNet", "askedInGeneral", "maxWords");
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
                var maxWords = MaxWords(file, map);
                if (any.Count == 0 && all.Count == 0)
                    file.Problem(map, $"rule '{name}' needs 'any' or 'all' phrases");
                if (reason is not null && messages is not null && !messages.Has(TextKeys.HandoffReasonPrefix + reason))
                    file.Problem(YamlFile.Child(map, "reason"), $"reason '{reason}' has no text in {CuratedTextsReader.File} (handoffReasons.{reason})");
                rules.Add(new SafetyRule(name, kind, reason, any, all, unless, offerFaq, safetyNet, askedInGeneral, maxWords));
            }
        }
        if (file.Mapping(root, "smallTalk") is { } smallTalkMap)
        {
            foreach (var (keyNode, valueNode) in smallTalkMap.Children)
            {
                var kind = ((YamlScalarNode)keyNode).Value ?? "";
                smallTalk[kind] = Phrases(file, file.Strings(valueNode, kind));
                if (messages is not null && !messages.Has(TextKeys.SmallTalkPrefix + kind))
                    file.Problem(keyNode, $"small talk '{kind}' has no reply in {CuratedTextsReader.File} (smallTalk.{kind})");
            }
        }
        if (file.Mapping(root, "languages", required: false) is { } languageMap)
        {
            foreach (var (keyNode, valueNode) in languageMap.Children)
            {
                var code = ((YamlScalarNode)keyNode).Value ?? "";
                if (Language.FromCode(code) is not { } language)
                {
                    file.Problem(keyNode, Language.NotRegistered(code));
                    continue;
                }
                if (language == Language.English)
                {
                    // English is what the common words of the phrase rules already show.
                    file.Problem(keyNode, "English needs no words here: a message is English unless another language shows");
                    continue;
                }
                languages[language] = file.Strings(valueNode, code).SelectMany(w => TextNormalizer.Words(w.Value)).ToHashSet(StringComparer.Ordinal);
                if (messages is not null && !messages.Has(TextKeys.Handoff, language))
                    file.Problem(keyNode, $"language '{code}' has no hand-off text in {CuratedTextsReader.File} ({code}: handoff)");
            }
        }
        return new SafetyRules(rules, smallTalk, languages, setAside, LongOver(file, root), AskedForStudy(file, root),
            SmallTalkFiller(file, root));
    }

    // One word each: the filler is what a small-talk phrase may stand beside, word by word.
    private static HashSet<string> SmallTalkFiller(YamlFile file, YamlMappingNode root) =>
        OneWordEach(file, file.Strings(root, "smallTalkFiller"), "small-talk filler")
            .Select(f => TextNormalizer.Words(f.Value)[0])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The items that are one word each; every other (several words, or none) is a problem at its line.</summary>
    private static List<(string Value, YamlNode Node)> OneWordEach(YamlFile file, List<(string Value, YamlNode Node)> items, string what, string why = "")
    {
        var oneWord = new List<(string Value, YamlNode Node)>();
        foreach (var (value, node) in items)
        {
            if (TextNormalizer.Words(value).Count == 1)
                oneWord.Add((value, node));
            else
                file.Problem(node, $"{what} '{value}' must be one word{why}");
        }
        return oneWord;
    }

    private static LongOverPhrases? LongOver(YamlFile file, YamlMappingNode root)
    {
        if (file.Mapping(root, "longOver", required: false) is not { } map)
            return null;
        file.RejectUnknownKeys(map, "past", "over", "unless", "died", "gone", "present", "pointsBack");
        return new LongOverPhrases(Phrases(file, file.Strings(map, "past", required: true)),
            Phrases(file, file.Strings(map, "over", required: true)), Phrases(file, file.Strings(map, "unless")),
            Phrases(file, file.Strings(map, "died")), Phrases(file, file.Strings(map, "gone")),
            Phrases(file, file.Strings(map, "present")), Phrases(file, file.Strings(map, "pointsBack")));
    }

    private static StudyPhrases? AskedForStudy(YamlFile file, YamlMappingNode root)
    {
        if (file.Mapping(root, "askedForStudy", required: false) is not { } map)
            return null;
        file.RejectUnknownKeys(map, "subjects", "phrases", "unless");
        var subjects = OneWordEach(file, file.Strings(map, "subjects", required: true), "subject", ": it is looked for after \"for\"");
        return new StudyPhrases(Phrases(file, subjects), Phrases(file, file.Strings(map, "phrases")), Phrases(file, file.Strings(map, "unless")));
    }

    /// <summary>An optional true/false field; anything but "true" is false.</summary>
    private static bool Flag(YamlFile file, YamlMappingNode map, string key) =>
        file.String(map, key, required: false) is { } value && bool.TryParse(value, out var flag) && flag;

    /// <summary>The optional <c>maxWords</c> of a rule: a whole number of at least one.</summary>
    private static int? MaxWords(YamlFile file, YamlMappingNode map)
    {
        if (file.String(map, "maxWords", required: false) is not { } value)
            return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var words) && words >= 1)
            return words;
        file.Problem(YamlFile.Child(map, "maxWords"), $"'maxWords' must be a whole number of at least 1, not '{value}'");
        return null;
    }

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
}
