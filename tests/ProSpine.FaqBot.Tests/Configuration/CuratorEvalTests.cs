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
        await File.WriteAllTextAsync(first, $"answer\tlifespan\t{Unanswerable}\nchitchat\t-\thello\n");
        await File.WriteAllTextAsync(second, "chitchat\t-\tthank you\n");

        var (fullCode, full, fullErrors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, first);
        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--summary", "--faq", FixtureFaq.Directory, first, second);

        Assert.True(fullCode == 0, fullErrors);
        Assert.Contains(Unanswerable, full, StringComparison.Ordinal);
        Assert.True(exitCode == 0, errors);
        Assert.DoesNotContain(Unanswerable, output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("== first.tsv", lines);
        Assert.Contains("== second.tsv", lines);
        var total = lines.SkipWhile(line => line != "== total of 2 sets").ToList();
        Assert.Contains(total, line => line.StartsWith("answer", StringComparison.Ordinal) && line.Contains("0/1", StringComparison.Ordinal));
        Assert.Contains(total, line => line.StartsWith("chitchat", StringComparison.Ordinal) && line.Contains("2/2", StringComparison.Ordinal));
        Assert.Contains(total, line => line.StartsWith("overall", StringComparison.Ordinal) && line.Contains("2/3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_set_is_refused_before_anything_is_read()
    {
        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], "eval", "--faq", FixtureFaq.Directory, "no-such-set.tsv");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("no-such-set.tsv", errors, StringComparison.Ordinal);
    }
}
