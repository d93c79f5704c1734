using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Tests.Insights;

public sealed class InsightsReportsTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static UnansweredQuestion Asked(string text, int day = 0, string? nearest = null, double? score = null) =>
        new(Monday.AddDays(day), Redactor.English.Redact(text), nearest, score);

    [Fact]
    public void Questions_that_differ_only_in_case_and_punctuation_form_one_group_with_its_count()
    {
        var groups = InsightsReports.GroupUnanswered(
        [
            Asked("How much does the pump weigh?"),
            Asked("how much does the pump weigh", day: 2),
            Asked("HOW MUCH DOES THE PUMP WEIGH!!", day: 1),
            Asked("can my dog sense the pump"),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal(3, groups[0].Count);
        Assert.Equal("how much does the pump weigh", groups[0].Text);
        Assert.Equal(Monday.AddDays(2), groups[0].LastAsked);
        Assert.Equal(1, groups[1].Count);
    }

    [Fact]
    public void Questions_differing_only_in_a_redacted_number_are_one_group()
    {
        var groups = InsightsReports.GroupUnanswered([Asked("call me at 414-555-0100"), Asked("call me at (262) 555 0199")]);

        Assert.Equal(2, Assert.Single(groups).Count);
    }

    [Fact]
    public void A_group_names_the_entry_most_often_nearest_with_its_best_score()
    {
        var groups = InsightsReports.GroupUnanswered(
        [
            Asked("pump weight", nearest: "lifespan", score: 0.30),
            Asked("pump weight", nearest: "implant-duration", score: 0.41),
            Asked("pump weight", nearest: "implant-duration", score: 0.39),
            Asked("pump weight"),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("implant-duration", group.NearestEntryId);
        Assert.Equal(0.41, group.NearestScore);
    }

    [Fact]
    public void Votes_are_counted_per_entry_with_the_most_not_helpful_first()
    {
        var votes = InsightsReports.CountVotes(
        [
            new FeedbackVote(Monday, "lifespan", Helpful: true),
            new FeedbackVote(Monday, "lifespan", Helpful: true),
            new FeedbackVote(Monday, "risks", Helpful: false),
            new FeedbackVote(Monday, "risks", Helpful: true),
            new FeedbackVote(Monday, "trial", Helpful: false),
            new FeedbackVote(Monday, "trial", Helpful: false),
        ]);

        Assert.Equal(
            [new EntryVotes("trial", 0, 2), new EntryVotes("risks", 1, 1), new EntryVotes("lifespan", 2, 0)],
            votes);
    }
}
