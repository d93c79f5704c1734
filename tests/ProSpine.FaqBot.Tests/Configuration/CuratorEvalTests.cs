using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Configuration;

/// <summary>
/// <c>faq-curator eval</c> on several sets at once, and <c>--summary</c>, which prints figures and never a message: a
/// holdout's lines must stay unseen by whoever tunes the bot.
/// </summary>
public sealed class CuratorEvalTests
{
    // Not covered by the fixture FAQ, labelled as answerable: a failure whose line the full report prints.
    private const string Unanswerable = "which zebra paints the waiting room ceiling";

    [Fact]
    public async Task Summary_prints_the_figures_of_each_set_and_their_total_but_no_message()
    {
        using var folder = new TemporaryFolder();
        var first = folder.File("first.tsv");
        var second = folder.File("second.tsv");
        await File.WriteAllTextAsync(first, $"answer\t{FixtureFaq.Lifespan}\t{Unanswerable}\nchitchat\t-\thello\n");
        await File.WriteAllTextAsync(second, "chitchat\t-\tthank you\n");

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
