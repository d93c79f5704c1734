using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>Reads <c>faq/vocabulary.yaml</c>: synonyms, spellings and the words that weigh little or nothing.</summary>
internal static class VocabularyReader
{
    public const string File = "vocabulary.yaml";

    public static Vocabulary Read(FaqFolder folder, List<FaqProblem> problems)
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignore = new HashSet<string>(StringComparer.Ordinal);
        var weak = new HashSet<string>(StringComparer.Ordinal);
        var file = YamlFile.Read(folder, File, problems);
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
}
