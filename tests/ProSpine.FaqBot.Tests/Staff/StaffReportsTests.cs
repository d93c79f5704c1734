using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Staff;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Staff;

public sealed class StaffReportsTests
{
    private static readonly StaffReports Reports = new(FixtureFaq.Answerer(), maxDays: 30);

    [Fact]
    public void A_lookup_shows_route_entry_score_runners_up_and_the_verbatim_answer_with_its_citation()
    {
        var text = Reports.Lookup("how long does the pump last");

        Assert.Contains("**Route:** Answer", text, StringComparison.Ordinal);
        Assert.Contains($"**Entry:** `{FixtureFaq.Lifespan}`", text, StringComparison.Ordinal);
        Assert.Matches(@"\*\*Score:\*\* \d\.\d{3}", text);
        Assert.Matches(@"\*\*Runners-up:\*\* `[a-z-]+` \d\.\d{3}", text);
        var answer = FixtureFaq.Answerer().Answer("how long does the pump last");
        Assert.Contains(answer.Text, text, StringComparison.Ordinal);
        Assert.EndsWith($"*{answer.Citation}*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_of_a_safety_question_names_the_route_and_rule_and_no_entry()
    {
        var text = Reports.Lookup("my pump is beeping");

        Assert.Contains("**Route:** Urgent (`", text, StringComparison.Ordinal);
        Assert.Contains("**Entry:** none", text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.Phone, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_shows_the_danger_read_by_meaning_with_the_nearest_examples_and_their_lines()
    {
        var text = Reports.Lookup("my dad's lips look purple and he's snoring weird since his refill");

        Assert.Matches(@"\*\*Danger by meaning:\*\* crisis \d\.\d{3} · emergency \d\.\d{3} · urgent \d\.\d{3} · words \d\.\d{3} · `fixture-faq/danger(-written)?\.yaml:\d+` [a-z]+ \d\.\d{3}", text);
    }

    [Fact]
    public void A_lookup_without_a_question_explains_itself()
    {
        Assert.Contains(FixtureFaq.Text(TextKeys.StaffLookupUsage), Reports.Lookup(null), StringComparison.Ordinal);
    }

    [Fact]
    public void The_unanswered_report_lists_groups_with_counts_and_nearest_entries_and_keeps_markdown_inert()
    {
        var groups = new[] { new UnansweredGroup("does the *pump* weigh [number] `grams`", 3, "implant-duration", 0.391, new DateOnly(2025, 6, 30)) };

        var text = Reports.Unanswered(groups, days: 7);

        Assert.Contains("last 7 days", text, StringComparison.Ordinal);
        Assert.Contains("- 3 × `does the *pump* weigh [number] 'grams'` (nearest entry: `implant-duration` 0.391)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_by_meaning_shows_its_other_wordings()
    {
        var group = new UnansweredGroup("how heavy is the pump", 5, "what-is-pump", 0.612, new DateOnly(2025, 6, 30))
        {
            OtherWordings = ["what does the pump weigh", "is the pump heavy", "pump weight", "how many grams is it"],
        };

        var text = Reports.Unanswered([group], days: 7);

        Assert.Contains("- 5 × `how heavy is the pump`; also asked as `what does the pump weigh`, `is the pump heavy`, `pump weight` (nearest entry: `what-is-pump` 0.612)",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_report_ends_with_how_many_rows_were_left_out()
    {
        var votes = Enumerable.Range(0, StaffReports.MaxRows + 4).Select(i => new EntryVotes($"entry-{i}", 1, 0)).ToList();

        var text = Reports.Feedback(votes, days: 7);

        Assert.Equal(StaffReports.MaxRows, text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.EndsWith("…and 4 more.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feedback_report_names_each_entry_by_its_question()
    {
        var text = Reports.Feedback([new EntryVotes(FixtureFaq.Lifespan, 4, 1)], days: 30);

        Assert.Contains($"- `{FixtureFaq.Lifespan}` {FixtureFaq.Content.Find(FixtureFaq.Lifespan)!.Question}: 4 helpful, 1 not helpful", text, StringComparison.Ordinal);
    }
}
