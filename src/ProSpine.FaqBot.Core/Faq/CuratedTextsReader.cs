using ProSpine.FaqBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads <c>faq/messages.yaml</c>: every text the bot says that is not a quote of the page, by language, with nested
/// names flattened ("feedback.thanks"). English must have every text the code uses.
/// </summary>
internal static class CuratedTextsReader
{
    public const string File = "messages.yaml";

    public static CuratedTexts? Read(FaqFolder folder, List<FaqProblem> problems)
    {
        var file = YamlFile.Read(folder, File, problems);
        if (file.Root is not { } root)
            return null;
        var byLanguage = new Dictionary<Language, IReadOnlyDictionary<string, string>>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var code = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Language.FromCode(code) is not { } language)
            {
                file.Problem(keyNode, Language.NotRegistered(code));
                continue;
            }
            if (valueNode is not YamlMappingNode texts)
            {
                file.Problem(valueNode, $"'{code}' must hold the texts of that language as 'name: text' lines");
                continue;
            }
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(file, texts, "", flat);
            byLanguage[language] = flat;
        }
        if (!byLanguage.TryGetValue(Language.English, out var english))
        {
            file.Problem(root, $"'{Language.English.Code}' (the English texts) is missing");
            return null;
        }
        foreach (var key in TextKeys.Required.Where(k => !english.ContainsKey(k)))
            file.Problem(YamlFile.Child(root, Language.English.Code), $"the English text '{key}' is missing");
        return new CuratedTexts(byLanguage);
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
}
