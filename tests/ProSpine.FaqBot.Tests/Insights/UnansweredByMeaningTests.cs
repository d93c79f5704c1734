using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Insights;

/// <summary>The staff report's grouping by meaning, with the real sentence model and FAQ.</summary>
public sealed class UnansweredByMeaningTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static readonly UnansweredByMeaning Grouping = NewGrouping();

    private static UnansweredByMeaning NewGrouping()
    {
        var answerer = TestFaq.Answerer();
        return new UnansweredByMeaning(answerer.Danger.Embeddings.Encoder, answerer.Meaning);
    }

    private static UnansweredGroup Asked(string text, int count, int day = 0) => new(text, count, null, null, Monday.AddDays(day));

    [Fact]
    public void Wordings_that_mean_the_same_become_one_group_headed_by_the_most_asked()
    {
        var groups = Grouping.Group(
        [
            Asked("how much does the pump weigh", 3),
            Asked("what does the pump weigh", 2, day: 4),
            Asked("can i swim in a lake with the pump", 1),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal("how much does the pump weigh", groups[0].Text);
        Assert.Equal(5, groups[0].Count);
        Assert.Equal(["what does the pump weigh"], groups[0].OtherWordings);
        Assert.Equal(Monday.AddDays(4), groups[0].LastAsked);
        Assert.NotNull(groups[0].NearestEntryId);
        Assert.InRange(groups[0].NearestScore!.Value, 0.0, 1.0);
        Assert.Empty(groups[1].OtherWordings);
    }

    [Fact]
    public void Different_questions_on_one_subject_stay_apart()
    {
        var groups = Grouping.Group([Asked("how much does the pump weigh", 2), Asked("how long does the pump battery last", 2)]);

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Only_the_most_asked_wordings_are_read_and_the_rest_follow_as_they_were()
    {
        var many = Enumerable.Range(0, UnansweredByMeaning.MaxRead + 3)
            .Select(i => new UnansweredGroup($"question number {i} about the pump", 1, "lifespan", 0.4, Monday))
            .ToList();

        var groups = Grouping.Group(many);

        var unread = groups.Where(g => g.NearestEntryId == "lifespan" && g.NearestScore == 0.4).ToList();
        Assert.Equal(3, unread.Count);
        Assert.Equal(many.Count, groups.Sum(g => g.Count));
    }
}
