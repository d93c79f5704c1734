using System.Text;
using ProSpine.FaqBot.Core.Answering;

namespace ProSpine.FaqBot.Core.Evaluation;

/// <summary>One line of a labelled set: <c>kind&lt;TAB&gt;topics&lt;TAB&gt;question</c>, topics being entry ids
/// (<c>a|b</c>: either) for the <c>answer</c> kind and <c>-</c> otherwise.</summary>
public sealed record LabelledQuestion(string Kind, IReadOnlyList<string> Topics, string Question, int Line);

/// <summary>How an <see cref="Answerer"/> did on a labelled set, per kind.</summary>
/// <param name="FalseAlarms">Answerable, not-covered and small-talk questions whose reply put 911 or 988 first.</param>
/// <param name="HandoffAlarms">Personal questions for the clinic whose reply put 911 or 988 first (with the clinic's
/// phone after them): not false alarms by score.py's rules, but worth watching.</param>
public sealed record EvaluationReport(
    IReadOnlyDictionary<string, (int Right, int Total)> PerKind,
    IReadOnlyList<(LabelledQuestion Question, Reply Reply)> Failures,
    IReadOnlyList<LabelledQuestion> FalseAlarms,
    IReadOnlyList<LabelledQuestion> HandoffAlarms)
{
    /// <summary>
    /// The worst failures: an answerable question answered with another entry's answer, or a question the FAQ does
    /// not cover (or small talk) given an FAQ answer. A "Did you mean" or a "not covered" is never one.
    /// </summary>
    public IReadOnlyList<(LabelledQuestion Question, Reply Reply)> ConfidentWrong =>
        [.. Failures.Where(f => LabelledQuestions.IsConfidentWrong(f.Question, f.Reply))];

    public int CalmTotal => LabelledQuestions.CalmKinds.Sum(k => PerKind.GetValueOrDefault(k).Total);

    public int Right => PerKind.Values.Sum(k => k.Right);

    public int Total => PerKind.Values.Sum(k => k.Total);

    public double Accuracy(string kind) => PerKind.TryGetValue(kind, out var k) && k.Total > 0 ? (double)k.Right / k.Total : 1.0;

    public double Overall => Total == 0 ? 1.0 : (double)Right / Total;

    /// <summary>
    /// Several sets' reports as one, for totals over many sets: counts added, failures and alarms kept in order. Format
    /// it with <c>maxFailures: 0</c>: a question records its line, not its set, so a listed failure could not say
    /// where it is.
    /// </summary>
    public static EvaluationReport Combine(IEnumerable<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var all = reports.ToList();
        var perKind = all.SelectMany(report => report.PerKind)
            .GroupBy(kind => kind.Key, StringComparer.Ordinal)
            .ToDictionary(kind => kind.Key, kind => (kind.Sum(k => k.Value.Right), kind.Sum(k => k.Value.Total)), StringComparer.Ordinal);
        return new EvaluationReport(perKind, [.. all.SelectMany(r => r.Failures)], [.. all.SelectMany(r => r.FalseAlarms)],
            [.. all.SelectMany(r => r.HandoffAlarms)]);
    }

    /// <summary>
    /// A Markdown table with one row per set and a last row for all of them: each kind's right and total, false alarms
    /// and hand-offs with 911 or 988 first over their totals, confident wrong answers over all lines. Figures only, like
    /// <c>--summary</c>: no message of any set is ever in it.
    /// </summary>
    public static string FormatTable(IReadOnlyList<(string Name, EvaluationReport Report)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var text = new StringBuilder();
        text.AppendLine($"| set | {string.Join(" | ", TableColumns.Select(c => c.Title))} |");
        text.AppendLine($"| --- |{string.Concat(TableColumns.Select(_ => " ---: |"))}");
        // A "|" would end the cell even inside the code span.
        foreach (var (name, report) in sets)
            text.AppendLine($"| `{name.Replace("|", "\\|", StringComparison.Ordinal)}` | {string.Join(" | ", TableColumns.Select(c => Cell(c.Figure(report))))} |");
        var all = Combine(sets.Select(s => s.Report));
        text.AppendLine($"| **all {sets.Count}** | {string.Join(" | ", TableColumns.Select(c => c.Figure(all) is { } f ? $"**{Cell(f)}**" : Cell(null)))} |");
        return text.ToString();

        static string Cell((int Right, int Total)? figure) =>
            figure is (var right, var total) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{right:N0}/{total:N0}") : "–";
    }

    private (int Right, int Total)? KindFigure(string kind) => PerKind.TryGetValue(kind, out var k) && k.Total > 0 ? k : null;

    private static readonly (string Title, Func<EvaluationReport, (int Right, int Total)?> Figure)[] TableColumns =
    [
        ("emergencies", r => r.KindFigure("emergency")),
        ("crises", r => r.KindFigure("crisis")),
        ("false alarms", r => r.CalmTotal > 0 ? (r.FalseAlarms.Count, r.CalmTotal) : null),
        ("answered", r => r.KindFigure("answer")),
        ("not covered", r => r.KindFigure("fallback")),
        ("hand-offs", r => r.KindFigure("handoff")),
        ("hand-offs, 911 first", r => r.KindFigure("handoff") is (_, var total) ? (r.HandoffAlarms.Count, total) : null),
        ("small talk", r => r.KindFigure("chitchat")),
        ("confident wrong", r => r.Total > 0 ? (r.ConfidentWrong.Count, r.Total) : null),
        ("overall", r => r.Total > 0 ? (r.Right, r.Total) : null),
    ];

    public string Format(int maxFailures = 40)
    {
        var text = new StringBuilder();
        foreach (var kind in LabelledQuestions.Kinds.Where(PerKind.ContainsKey))
        {
            var (right, total) = PerKind[kind];
            text.AppendLine(System.FormattableString.Invariant($"{kind,-10} {right,4}/{total,-4} {100.0 * right / total,6:F1}%"));
        }
        text.AppendLine(System.FormattableString.Invariant($"{"overall",-10} {Right,4}/{Total,-4} {100 * Overall,6:F1}%"));
        if (CalmTotal > 0)
            text.AppendLine(System.FormattableString.Invariant($"{"alarms",-10} {FalseAlarms.Count,4}/{CalmTotal,-4} {100.0 * FalseAlarms.Count / CalmTotal,6:F1}%  answer/fallback/chitchat with 911 or 988 first"));
        if (PerKind.TryGetValue("handoff", out var handoffs) && handoffs.Total > 0)
            text.AppendLine(System.FormattableString.Invariant($"{"handoff 911",-10} {HandoffAlarms.Count,4}/{handoffs.Total,-4} {100.0 * HandoffAlarms.Count / handoffs.Total,6:F1}%  hand-offs with 911 or 988 first"));
        var confidentWrong = ConfidentWrong;
        if (Total > 0)
            text.AppendLine(System.FormattableString.Invariant($"{"wrong",-10} {confidentWrong.Count,4}/{Total,-4} {100.0 * confidentWrong.Count / Total,6:F1}%  confident wrong answers (another entry's answer, or an answer to an uncovered question)"));
        foreach (var (question, reply) in confidentWrong.Take(maxFailures))
            text.AppendLine(System.FormattableString.Invariant(
                $"WRONG line {question.Line} {question.Kind} [{string.Join('|', question.Topics)}] got {reply.Answer!.Id} ({reply.Match?.Reason}): {question.Question}"));
        foreach (var question in FalseAlarms.Take(maxFailures))
            text.AppendLine(System.FormattableString.Invariant($"ALARM line {question.Line} {question.Kind}: {question.Question}"));
        foreach (var (question, reply) in Failures.Where(f => !LabelledQuestions.IsConfidentWrong(f.Question, f.Reply)).Take(maxFailures))
        {
            var got = reply.Answer?.Id ?? string.Join(",", reply.Match?.Candidates.Select(c => c.Entry.Id) ?? []);
            text.AppendLine(System.FormattableString.Invariant(
                $"FAIL line {question.Line} {question.Kind} [{string.Join('|', question.Topics)}] got {reply.Route} {got} {reply.RuleName}{(reply.Match?.Reason is { } reason ? $"({reason})" : "")}: {question.Question}"));
        }
        return text.ToString();
    }
}

public static partial class LabelledQuestions
{
    public static readonly IReadOnlyList<string> Kinds = ["answer", "handoff", "emergency", "crisis", "fallback", "chitchat"];

    /// <summary>Kinds where 911 or 988 first is a false alarm.</summary>
    public static readonly IReadOnlyList<string> CalmKinds = ["answer", "fallback", "chitchat"];

    /// <summary>How much of a reply counts as its first instruction, as <c>shared/eval/score.py</c> reads it.</summary>
    public const int FirstInstructionLength = 120;

    /// <summary>
    /// Whether <paramref name="number"/> (911, 988) is in the reply's first instruction. As score.py reads it, a
    /// general "if this is an emergency…" or "if you are thinking of harming…" sentence is a safety net, not an
    /// instruction, and does not count.
    /// </summary>
    public static bool ComesFirst(Reply reply, string number)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var plain = SafetyNetSentence().Replace(reply.Text.Replace("**", "", StringComparison.Ordinal).ToLowerInvariant(), " ");
        return plain[..Math.Min(plain.Length, FirstInstructionLength)].Contains(number, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(if (this is|it is|it's) an emergency|in an emergency|if you are thinking of harming)[^.\n]*[.\n]?")]
    private static partial System.Text.RegularExpressions.Regex SafetyNetSentence();

    public static bool IsAlarm(Reply reply) => ComesFirst(reply, "911") || ComesFirst(reply, "988");

    /// <summary>Whether the reply gives the clinic's phone, in its text or as a call button.</summary>
    private static bool GivesPhone(Reply reply, string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        // "+12622977246" is written "(262) 297-7246": compare the last ten digits.
        var local = digits.Length > 10 ? digits[^10..] : digits;
        return reply.Calls.Any(c => c.Number == phone) || new string(reply.Text.Where(char.IsAsciiDigit).ToArray()).Contains(local, StringComparison.Ordinal);
    }

    public static List<LabelledQuestion> Load(string path)
    {
        var questions = new List<LabelledQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || !Kinds.Contains(parts[0]))
                throw new FormatException($"{path}:{lineNumber}: expected kind<TAB>topics<TAB>question with a known kind");
            questions.Add(new LabelledQuestion(parts[0], parts[1] == "-" ? [] : parts[1].Split('|'), parts[2], lineNumber));
        }
        return questions;
    }

    /// <summary>Whether <paramref name="reply"/> is right for the labelled <paramref name="question"/>.</summary>
    /// <param name="phone">The clinic's phone number (appsettings.json's Answering:ClinicPhone).</param>
    public static bool IsRight(LabelledQuestion question, Reply reply, string phone)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reply);
        return question.Kind switch
        {
            // As score.py judges it: the right entry's answer was given, alone or after a hand-off ("for billing,
            // please call...; in the meantime, here is our general information").
            "answer" => reply.Answer is { } entry && question.Topics.Contains(entry.Id),
            // As shared/eval/score.py judges them: a hand-off must give the clinic's phone, a not-covered question
            // the phone and no FAQ answer. A danger reply that also gives the phone passes, and is counted apart as
            // an alarm (see HandoffAlarms).
            "handoff" => GivesPhone(reply, phone),
            // Danger is judged on the text, as score.py judges it: the number must be the first instruction.
            "emergency" => ComesFirst(reply, "911"),
            "crisis" => ComesFirst(reply, "988"),
            "fallback" => reply.Answer is null && GivesPhone(reply, phone),
            "chitchat" => reply.Route == Route.SmallTalk,
            _ => false,
        };
    }

    /// <summary>Whether a wrong <paramref name="reply"/> gave an FAQ answer, the wrong one (see <see cref="EvaluationReport.ConfidentWrong"/>).</summary>
    public static bool IsConfidentWrong(LabelledQuestion question, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Answer is { } entry && question.Kind switch
        {
            "answer" => !question.Topics.Contains(entry.Id),
            "fallback" or "chitchat" => true,
            _ => false,
        };
    }

    public static EvaluationReport Evaluate(Answerer answerer, IEnumerable<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        var perKind = new Dictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        var failures = new List<(LabelledQuestion, Reply)>();
        var alarms = new List<LabelledQuestion>();
        var handoffAlarms = new List<LabelledQuestion>();
        foreach (var question in questions)
        {
            var reply = answerer.Answer(question.Question);
            var right = IsRight(question, reply, answerer.ClinicPhone);
            var (r, t) = perKind.GetValueOrDefault(question.Kind);
            perKind[question.Kind] = (r + (right ? 1 : 0), t + 1);
            if (!right)
                failures.Add((question, reply));
            if (CalmKinds.Contains(question.Kind) && IsAlarm(reply))
                alarms.Add(question);
            if (question.Kind == "handoff" && IsAlarm(reply))
                handoffAlarms.Add(question);
        }
        return new EvaluationReport(perKind, failures, alarms, handoffAlarms);
    }
}
