using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// The staff report's groups by meaning: word groups (<see cref="InsightsReports.GroupUnanswered"/>) whose wordings
/// mean nearly the same ("why did Pain Physicians of Wisconsin change its name", "when did they become Pro Spine &amp;
/// Pain") become one group, headed by its most asked wording, with the entry nearest in meaning and its similarity. A
/// curator then sees one topic patients keep asking about, instead of its wordings scattered down the list.
/// </summary>
/// <remarks>Each group joins the first (most asked) group whose headline is at least <see cref="SameQuestion"/> similar.</remarks>
public sealed class UnansweredByMeaning(ISentenceEncoder encoder, SemanticIndex meaning)
{
    // At 0.8, on the 116 not-covered questions of a blind set, 4 groups formed, each of one topic (Dr. Stauss's
    // background, the name change, recovery after the implant); at 0.75, wordings of different questions joined ("does
    // the trial hurt" and "do all your practices do the trial").
    public const double SameQuestion = 0.8;

    // Only the most asked wordings are read, so a flood of one-off questions cannot make the report slow; the rest
    // follow as they were.
    public const int MaxRead = 500;

    public IReadOnlyList<UnansweredGroup> Group(IReadOnlyList<UnansweredGroup> byWords)
    {
        ArgumentNullException.ThrowIfNull(byWords);
        var (read, texts, unread) = (new List<UnansweredGroup>(), new List<string>(), new List<UnansweredGroup>());
        for (var i = 0; i < byWords.Count; i++)
        {
            var text = i < MaxRead ? TextNormalizer.Normalize(byWords[i].Text) : "";
            if (text.Length == 0)
            {
                unread.Add(byWords[i]);
                continue;
            }
            read.Add(byWords[i]);
            texts.Add(text);
        }
        if (read.Count == 0)
            return byWords;
        var vectors = encoder.Encode(texts);
        var merged = new List<(float[] Vector, List<UnansweredGroup> Members)>();
        for (var i = 0; i < read.Count; i++)
        {
            var same = merged.FindIndex(m => SentenceVectors.Dot(m.Vector, vectors[i]) >= SameQuestion);
            if (same < 0)
                merged.Add((vectors[i], [read[i]]));
            else
                merged[same].Members.Add(read[i]);
        }
        var byMeaning = merged.Select(m => ToGroup(m.Vector, m.Members));
        return [.. byMeaning
            .Concat(unread)
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .ThenBy(g => g.Text, StringComparer.Ordinal)];
    }

    private UnansweredGroup ToGroup(float[] headline, List<UnansweredGroup> members)
    {
        var nearest = meaning.Rank(headline) is [var first, ..] ? first : null;
        return new UnansweredGroup(members[0].Text, members.Sum(m => m.Count), nearest?.Entry.Id, nearest?.Similarity,
            members.Max(m => m.LastAsked))
        {
            OtherWordings = [.. members.Skip(1).Select(m => m.Text)],
        };
    }
}
