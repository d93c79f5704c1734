using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

/// <summary><c>faq/not-covered.yaml</c> is validated like every file of <c>faq/</c>: each problem with its file and line.</summary>
public sealed class UncoveredQuestionsFileTests
{
    [Fact]
    public void The_real_questions_load_under_their_topics_with_their_source_line()
    {
        var uncovered = FaqLoader.Load(Repository.Faq).Uncovered;

        Assert.True(uncovered.Items.Select(q => q.Topic).Distinct().Count() >= 5);
        Assert.All(uncovered.Items, q => Assert.Matches(@"^faq/not-covered\.yaml:\d+$", q.Source));
    }

    [Fact]
    public void A_question_that_is_an_entrys_phrasing_is_rejected_at_its_line()
    {
        using var faq = Repository.CopyFaq();
        var phrasing = FaqLoader.Load(Repository.Faq).Entries[0].Question;
        File.AppendAllText(faq.PathOf("not-covered.yaml"), $"contradiction:\n  - \"{phrasing.ToUpperInvariant()}\"\n");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/not-covered.yaml", problem.File);
        Assert.Equal(faq.LineOf("not-covered.yaml", "contradiction:") + 1, problem.Line);
        Assert.Contains("is a phrasing of the entry", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("again:\n  - does the pump run on a BATTERY?\n", "repeats line")]
    [InlineData("again:\n  nested: map\n", "must be a list of texts")]
    public void A_repeated_question_or_a_topic_that_is_no_list_is_rejected_at_its_line(string appended, string reason)
    {
        using var faq = Repository.CopyFaq();
        File.AppendAllText(faq.PathOf("not-covered.yaml"), appended);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal(faq.LineOf("not-covered.yaml", "again:") + 1, problem.Line);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }
}
