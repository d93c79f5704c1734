using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

/// <summary><c>faq/asked.yaml</c> is validated like every file of <c>faq/</c>: each problem with its file and line.</summary>
public sealed class AskedQuestionsFileTests
{
    [Fact]
    public void The_real_questions_load_under_their_entries_and_not_covered_with_their_source_line()
    {
        var content = FaqLoader.Load(Repository.Faq);

        Assert.All(content.Entries, e => Assert.Contains(content.Asked.Items, q => q.EntryId == e.Id));
        Assert.Contains(content.Asked.Items, q => q.EntryId is null);
        Assert.All(content.Asked.Items, q => Assert.Matches(@"^faq/asked\.yaml:\d+$", q.Source));
    }

    [Fact]
    public void Questions_load_under_their_entry_or_as_not_covered()
    {
        using var faq = FixtureFaq.Copy();
        File.WriteAllText(faq.PathOf("asked.yaml"), "lifespan:\n  - will my pump still work in ten years\nnot-covered:\n  - can my dog sense the pump\n");

        var asked = FaqLoader.Load(faq.Directory).Asked.Items;

        Assert.Equal(("lifespan", "faq/asked.yaml:2"), (asked[0].EntryId, asked[0].Source));
        Assert.Equal((null, "faq/asked.yaml:4"), (asked[1].EntryId, asked[1].Source));
    }

    [Theory]
    [InlineData("refills:\n  - how often is the pump refilled\n", 1, "under an entry id or 'not-covered'")]
    [InlineData("lifespan:\n  - How long does a PAIN pump last?\n", 2, "is already a phrasing of the entry 'lifespan'")]
    [InlineData("lifespan:\n  - does the pump run on a battery\n", 2, "is already in not-covered.yaml (faq/not-covered.yaml:")]
    [InlineData("lifespan:\n  - is my pump good for ten years\nnot-covered:\n  - Is my pump good for ten years?\n", 4, "repeats line 2")]
    [InlineData("lifespan:\n  nested: map\n", 2, "must be a list of texts")]
    public void A_question_curated_elsewhere_repeated_or_under_no_entry_is_rejected_at_its_line(string text, int line, string reason)
    {
        using var faq = FixtureFaq.Copy();
        File.WriteAllText(faq.PathOf("asked.yaml"), text);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal(("faq/asked.yaml", line), (problem.File, problem.Line));
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_entry_gives_one_problem_not_one_more_for_its_asked_questions()
    {
        using var faq = FixtureFaq.Copy();
        File.WriteAllText(faq.PathOf("asked.yaml"), "lifespan:\n  - will my pump still work in ten years\n");
        File.WriteAllText(faq.PathOf("entries/lifespan.yaml"), "id: lifespan\nquestion: [unclosed\n");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/lifespan.yaml", problem.File);
    }
}
