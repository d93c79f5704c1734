using YamlDotNet.RepresentationModel;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// One passage per fact: a passage of an entry's answer that says what an earlier passage of the same answer already
/// says ("can last 5-10 years" and "typically lasts for 5-10 years") makes the reply longer and no clearer. A passage
/// repeats an earlier one when at most a quarter of its content words are not in that one; a passage that adds a fact
/// brings more new words than that.
/// </summary>
internal static class RepeatedPassages
{
    private const double MostNewWordsOfARepeat = 0.25;

    /// <summary>Words this short are mostly grammar ("an", "the", "for", "can") and say nothing about the fact.</summary>
    private const int ShortestContentWord = 4;

    public static void Check(YamlFile file, List<(string Value, YamlNode Node)> answer)
    {
        var words = answer.Select(a => ContentWords(a.Value)).ToList();
        for (var later = 1; later < answer.Count; later++)
        {
            for (var earlier = 0; earlier < later && words[later].Count > 0; earlier++)
            {
                var added = words[later].Except(words[earlier]).ToList();
                if (added.Count <= MostNewWordsOfARepeat * words[later].Count)
                {
                    var addedText = added.Count == 0 ? "no word" : $"only \"{string.Join(' ', added)}\"";
                    file.Problem(answer[later].Node,
                        $"this passage says what passage {earlier + 1} (line {answer[earlier].Node.Start.Line}) says: it adds {addedText}; keep one of them");
                    break;
                }
            }
        }
    }

    private static HashSet<string> ContentWords(string passage) =>
        [.. Text.TextNormalizer.Words(passage).Where(w => w.Length >= ShortestContentWord).Select(w => w.TrimEnd('s'))];
}
