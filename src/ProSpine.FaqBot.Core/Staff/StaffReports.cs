using System.Globalization;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Safety;

namespace ProSpine.FaqBot.Core.Staff;

/// <summary>
/// The staff commands' replies as Markdown, from the texts in <c>faq/messages.yaml</c> (<c>staff.*</c>) and the
/// current FAQ. Patients' text in a report is already redacted; it is shown in code spans so Markdown in it stays
/// inert.
/// </summary>
public sealed class StaffReports(Answerer answerer, int maxDays)
{
    /// <summary>Longer reports end with "and N more": a chat message is no place for a spreadsheet.</summary>
    public const int MaxRows = 25;

    /// <summary>A group by meaning shows this many of its other wordings: enough to see what it gathers.</summary>
    public const int MaxOtherWordings = 3;

    public string Help() => Fill(TextKeys.StaffHelp, ("defaultDays", Number(Math.Min(StaffCommand.DefaultDays, maxDays))), ("maxDays", Number(maxDays)));

    public string BadDays() => Fill(TextKeys.StaffBadDays, ("maxDays", Number(maxDays)));

    public string RecordingOff() => answerer.Text(TextKeys.StaffRecordingOff);

    /// <summary>What the bot would do with <paramref name="question"/>: route, entry, score, runners-up, and the
    /// reply word for word with its citation.</summary>
    public string Lookup(string? question)
    {
        if (question is null)
            return answerer.Text(TextKeys.StaffLookupUsage);
        var reply = answerer.Answer(question);
        var candidates = reply.Match?.Candidates ?? [];
        // The chosen entry is the reply's; every other candidate the matcher weighed is a runner-up.
        var chosen = reply.Answer is null ? null : candidates.FirstOrDefault(c => c.Entry.Id == reply.Answer.Id);
        var runnersUp = candidates.Where(c => c != chosen).Select(c => $"{Code(c.Entry.Id)} {Score(c.Score)}").ToList();
        var summary = Fill(TextKeys.StaffLookup,
            ("route", reply.RuleName is null ? reply.Route.ToString() : $"{reply.Route} ({Code(reply.RuleName)})"),
            ("entry", reply.Answer is null ? None : $"{Code(reply.Answer.Id)} {reply.Answer.Question}"),
            ("score", chosen is null ? None : Score(chosen.Score)),
            ("runnersUp", runnersUp.Count == 0 ? None : string.Join(" · ", runnersUp)),
            ("danger", DangerSummary(question, reply.Danger)));
        var text = $"{summary}\n\n{reply.Text}";
        return reply.Citation is null ? text : $"{text}\n\n*{reply.Citation}*";
    }

    /// <summary>The classifier's probabilities, the words' reading and, for the piece of the message it found most dangerous, the nearest examples.</summary>
    private string DangerSummary(string question, DangerScores? danger)
    {
        if (danger is null)
            return None;
        var scores = $"crisis {Score(danger.Crisis)} · emergency {Score(danger.Emergency)} · urgent {Score(danger.Urgent)} · words {Score(danger.Words)}";
        var worst = answerer.ExplainDanger(question, nearest: 2)
            .MaxBy(p => p.Probabilities[(int)DangerLevel.Crisis] + p.Probabilities[(int)DangerLevel.Emergency] + p.Probabilities[(int)DangerLevel.Urgent]);
        var nearest = worst is null ? [] : worst.Nearest.Select(n => $"{Code(n.Exemplar.Source)} {n.Exemplar.Level.ToString().ToLowerInvariant()} {Score(n.Similarity)}");
        return string.Join(" · ", nearest.Prepend(scores));
    }

    public string Unanswered(IReadOnlyList<UnansweredGroup> groups, int days)
    {
        if (groups.Count == 0)
            return Fill(TextKeys.StaffUnansweredNone, ("days", Number(days)));
        var title = Fill(TextKeys.StaffUnanswered,
            ("days", Number(days)), ("total", Number(groups.Sum(g => g.Count))), ("groups", Number(groups.Count)));
        var rows = groups.Select(g => Fill(TextKeys.StaffUnansweredRow,
            ("count", Number(g.Count)),
            ("text", Code(g.Text)),
            ("also", g.OtherWordings.Count == 0 ? ""
                : Fill(TextKeys.StaffUnansweredAlso, ("wordings", string.Join(", ", g.OtherWordings.Take(MaxOtherWordings).Select(Code))))),
            ("nearest", g.NearestEntryId is null ? None : $"{Code(g.NearestEntryId)} {Score(g.NearestScore ?? 0)}")));
        return Table(title, rows, groups.Count);
    }

    public string Feedback(IReadOnlyList<EntryVotes> votes, int days)
    {
        if (votes.Count == 0)
            return Fill(TextKeys.StaffFeedbackNone, ("days", Number(days)));
        var title = Fill(TextKeys.StaffFeedback, ("days", Number(days)));
        var rows = votes.Select(v => Fill(TextKeys.StaffFeedbackRow,
            ("entry", Code(v.EntryId)),
            // An entry deleted since the vote has no question any more; its id still says which it was.
            ("question", answerer.Content.Find(v.EntryId)?.Question ?? ""),
            ("helpful", Number(v.Helpful)),
            ("notHelpful", Number(v.NotHelpful))));
        return Table(title, rows, votes.Count);
    }

    private string Table(string title, IEnumerable<string> rows, int count)
    {
        var lines = rows.Take(MaxRows).Select(r => "- " + r).ToList();
        if (count > MaxRows)
            lines.Add(Fill(TextKeys.StaffMore, ("count", Number(count - MaxRows))));
        return $"{title}\n\n{string.Join('\n', lines)}";
    }

    private string None => answerer.Text(TextKeys.StaffNone);

    private string Fill(string key, params (string Name, string Value)[] values) =>
        values.Aggregate(answerer.Text(key), (text, v) => text.Replace("{" + v.Name + "}", v.Value, StringComparison.Ordinal));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Score(double score) => score.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>A Markdown code span; a backtick inside would end it early, so it becomes an apostrophe.</summary>
    private static string Code(string text) => $"`{text.Replace('`', '\'')}`";
}
