using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Configuration;

/// <summary>
/// <c>faq-curator eval</c> on several sets at once, and <c>--summary</c> and <c>--table</c>, which print figures and
/// never a message: a holdout's lines must stay unseen by whoever tunes the bot.
/// </summary>
public sealed class CuratorEvalTests
{
    // Not covered by the fixture FAQ, labelled as answerable: a failure whose line the full report prints.
    private const string Unanswerable = "which zebra paints the waiting room ceiling";

    [Fact]
    public async Task Summary_prints_the_figures_of_each_set_and_their_total_but_no_message()
    {
        using var folder = new TemporaryFolder();
        var (first, second) = await TwoSetsAsync(folder);

        var (fullCode, full, fullErrors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, first);
        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, "--summary", first, second);

        Assert.True(fullCode == 0, fullErrors);
        Assert.Contains(Unanswerable, full, StringComparison.Ordinal);
        Assert.True(exitCode == 0, errors);
        Assert.DoesNotContain(Unanswerable, output + errors, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"== {first}", lines);
        Assert.Contains($"== {second}", lines);
        var total = lines.SkipWhile(line => line != "== total of 2 sets").ToList();
        Assert.Contains(total, line => line.StartsWith("answer", StringComparison.Ordinal) && line.Contains("0/1", StringComparison.Ordinal));
        Assert.Contains(total, line => line.StartsWith("chitchat", StringComparison.Ordinal) && line.Contains("2/2", StringComparison.Ordinal));
        Assert.Contains(total, line => line.StartsWith("overall", StringComparison.Ordinal) && line.Contains("2/3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Table_prints_a_row_of_figures_per_set_and_their_total_but_no_message()
    {
        using var folder = new TemporaryFolder();
        var (first, second) = await TwoSetsAsync(folder);

        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, "--table", first, second);

        Assert.True(exitCode == 0, errors);
        Assert.DoesNotContain(Unanswerable, output + errors, StringComparison.Ordinal);
        var rows = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("| `first.tsv` | – | – | 0/2 | 0/1 |", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("| `second.tsv` | – | – | 0/1 | – |", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("| **all 2** | – | – | **0/3** | **0/1** |", rows[4], StringComparison.Ordinal);
        Assert.EndsWith("| **2/3** |", rows[4], StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_shows_each_figure_over_its_own_total_and_a_dash_for_a_kind_a_set_lacks()
    {
        var calm = new LabelledQuestion("fallback", [], "calm", 1);
        var personal = new LabelledQuestion("handoff", [], "personal", 2);
        // A question labelled not covered that got an FAQ answer: a confident wrong answer. The table only counts it,
        // so the reply is made directly from the fixture's entry, without loading the sentence model.
        var lifespan = FaqLoader.Load(FixtureFaq.Directory).Find(FixtureFaq.Lifespan)!;
        var answered = (new LabelledQuestion("fallback", [], lifespan.Question, 3),
            Reply.FaqAnswer(lifespan, lifespan.Answer[0], "citation", [], Language.English, match: null));
        var first = new EvaluationReport(new Dictionary<string, (int, int)> { ["fallback"] = (3, 4), ["handoff"] = (1, 2), ["crisis"] = (1_000, 1_200) }, [answered], [calm], [personal]);
        var second = new EvaluationReport(new Dictionary<string, (int, int)> { ["fallback"] = (5, 6) }, [], [calm, calm], []);

        var rows = EvaluationReport.FormatTable([("a.tsv", first), ("b|c.tsv", second)]).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("| set | emergencies | crises | false alarms | answered | not covered | hand-offs | hand-offs, 911 first | small talk | confident wrong | overall |", rows[0]);
        Assert.Equal("| `a.tsv` | – | 1,000/1,200 | 1/4 | – | 3/4 | 1/2 | 1/2 | – | 1/1,206 | 1,004/1,206 |", rows[2]);
        Assert.Equal("| `b\\|c.tsv` | – | – | 2/6 | – | 5/6 | – | – | – | 0/6 | 5/6 |", rows[3]);
        Assert.Equal("| **all 2** | – | **1,000/1,200** | **3/10** | – | **8/10** | **1/2** | **1/2** | – | **1/1,212** | **1,009/1,212** |", rows[4]);
    }

    [Fact]
    public async Task Together_prints_each_undecided_questions_readings_by_set_and_line_but_no_message()
    {
        using var folder = new TemporaryFolder();
        var (first, _) = await TwoSetsAsync(folder);
        // The fixture FAQ has a handful of questions it does not answer; the shipped one has a thousand, enough for
        // the entries' regression to answer, and so to be read together.
        (string, string)[] environment = [("Matching__RegressionMinimumUncovered", "0")];

        var (exitCode, output, errors) = await CuratorProcess.RunAsync(environment, "together", "--faq", FixtureFaq.Directory, first);

        Assert.True(exitCode == 0, errors);
        Assert.DoesNotContain(Unanswerable, output + errors, StringComparison.Ordinal);
        var rows = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();
        Assert.Equal(["set", "line", "kind", "right", "outcome", "entry", "probability", "regression", "notanswered", "meaning", "behind", "ahead", "words", "wordsnotanswered", "coverage", "score"], rows[0]);
        // The unanswerable line is undecided; "hello" is small talk and never reaches matching.
        Assert.NotEmpty(rows.Skip(1));
        Assert.All(rows.Skip(1), row =>
        {
            Assert.Equal(rows[0].Length, row.Length);
            Assert.Equal(["first.tsv", "1", "answer"], row[..3]);
            Assert.Equal(row[5] == FixtureFaq.Lifespan ? "1" : "0", row[3]);
        });
    }

    [Fact]
    public async Task Danger_prints_one_header_then_every_line_of_each_set_in_the_order_given()
    {
        using var folder = new TemporaryFolder();
        var (first, second) = await TwoSetsAsync(folder);

        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "danger", "--faq", FixtureFaq.Directory, first, second);

        Assert.True(exitCode == 0, errors);
        var rows = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();
        Assert.Equal(["kind", "crisis", "emergency", "urgent", "whole", "danger", "strongest", "words", "rule", "route", "message"], rows[0]);
        Assert.Equal(["answer", "chitchat", "chitchat"], rows.Skip(1).Select(row => row[0]));
        Assert.Equal([Unanswerable, "hello", "thank you"], rows.Skip(1).Select(row => row[^1]));
    }

    // Two small sets: the first with an answerable question the fixture FAQ cannot answer, whose text a report of
    // figures must never print.
    private static async Task<(string First, string Second)> TwoSetsAsync(TemporaryFolder folder)
    {
        var first = folder.File("first.tsv");
        var second = folder.File("second.tsv");
        await File.WriteAllTextAsync(first, $"answer\t{FixtureFaq.Lifespan}\t{Unanswerable}\nchitchat\t-\thello\n");
        await File.WriteAllTextAsync(second, "chitchat\t-\tthank you\n");
        return (first, second);
    }

    [Fact]
    public async Task A_missing_set_is_refused_before_any_set_is_read()
    {
        using var folder = new TemporaryFolder();
        var present = folder.File("present.tsv");
        await File.WriteAllTextAsync(present, "chitchat\t-\thello\n");

        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, present, "no-such-set.tsv");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("no-such-set.tsv", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_line_is_named_by_file_and_line_before_any_set_is_evaluated_and_never_quoted()
    {
        using var folder = new TemporaryFolder();
        var good = folder.File("good.tsv");
        var broken = folder.File("broken.tsv");
        await File.WriteAllTextAsync(good, "chitchat\t-\thello\n");
        await File.WriteAllTextAsync(broken, $"chitchat\t-\thello\nanswer\t{Unanswerable}\n");

        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--summary", "--faq", FixtureFaq.Directory, good, broken);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{broken}:2", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Unanswerable, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_reports_add_every_figure_of_their_sets()
    {
        var calm = new LabelledQuestion("fallback", [], "calm", 1);
        var personal = new LabelledQuestion("handoff", [], "personal", 2);
        var first = new EvaluationReport(new Dictionary<string, (int, int)> { ["fallback"] = (3, 4), ["handoff"] = (1, 2) }, [], [calm], [personal]);
        var second = new EvaluationReport(new Dictionary<string, (int, int)> { ["fallback"] = (5, 6) }, [], [calm, calm], []);

        var total = EvaluationReport.Combine([first, second]);

        Assert.Equal((8, 10), total.PerKind["fallback"]);
        Assert.Equal((1, 2), total.PerKind["handoff"]);
        Assert.Equal(3, total.FalseAlarms.Count);
        Assert.Single(total.HandoffAlarms);
        Assert.Contains("alarms        3/10", total.Format(maxFailures: 0), StringComparison.Ordinal);
    }
}
