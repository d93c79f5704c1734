using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>
/// <c>faq/danger.yaml</c> and <c>faq/danger-written.yaml</c> are validated like every file of <c>faq/</c>: each problem
/// with its file and line.
/// </summary>
public sealed class DangerExemplarsFileTests
{
    [Fact]
    public void The_real_examples_load_with_every_level_and_their_source_line()
    {
        var danger = FaqLoader.Load(Repository.Faq).Danger;

        foreach (var level in Enum.GetValues<DangerLevel>())
            Assert.True(danger.Curated.Count(e => e.Level == level) >= 20, $"{level} has too few curated examples");
        foreach (var level in new[] { DangerLevel.Crisis, DangerLevel.Emergency, DangerLevel.Calm })
            Assert.True(danger.Written.Count(e => e.Level == level) >= 100, $"{level} has too few written messages");
        Assert.All(danger.Curated, e => Assert.Matches(@"^faq/danger\.yaml:\d+$", e.Source));
        Assert.All(danger.Written, e => Assert.Matches(@"^faq/danger-written\.yaml:\d+$", e.Source));
    }

    [Fact]
    public void A_written_message_that_repeats_a_curated_example_is_rejected_at_its_line()
    {
        using var faq = Repository.CopyFaq();
        var firstCrisis = File.ReadAllLines(faq.PathOf("danger.yaml")).First(l => l.StartsWith("  - ", StringComparison.Ordinal));
        var curatedLine = faq.LineOf("danger.yaml", firstCrisis);
        faq.Replace("danger-written.yaml", "\ncalm:\n", $"\ncalm:\n{firstCrisis.ToUpperInvariant()}\n");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/danger-written.yaml", problem.File);
        Assert.Equal(faq.LineOf("danger-written.yaml", "calm:") + 1, problem.Line);
        Assert.Contains($"is also under 'crisis' (faq/danger.yaml:{curatedLine})", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_messages_may_leave_a_level_out_but_not_invent_one()
    {
        using var faq = Repository.CopyFaq();
        File.WriteAllText(faq.PathOf("danger-written.yaml"), "crisis:\n  - \"the note for my sister is already in the envelope\"\nworried:\n  - \"is this normal\"\n");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/danger-written.yaml", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("worried", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_example_under_two_levels_is_rejected_at_its_line()
    {
        using var faq = Repository.CopyFaq();
        var firstCrisis = File.ReadAllLines(faq.PathOf("danger.yaml")).First(l => l.StartsWith("  - ", StringComparison.Ordinal));
        faq.Replace("danger.yaml", "\ncalm:\n", $"\ncalm:\n{firstCrisis}\n");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/danger.yaml", problem.File);
        Assert.Equal(faq.LineOf("danger.yaml", "calm:") + 1, problem.Line);
        Assert.Contains("is also under 'crisis'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_level_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("danger.yaml", "\nurgent:\n", "\nurgentish:\n");

        var problems = faq.LoadProblems();

        Assert.Contains(problems, p => p.File == "faq/danger.yaml" && p.Message.Contains("'urgent' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "faq/danger.yaml" && p.Line > 0 && p.Message.Contains("urgentish", StringComparison.Ordinal));
    }

    [Fact]
    public void A_level_with_too_few_examples_to_learn_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        var text = File.ReadAllText(faq.PathOf("danger.yaml"));
        var start = text.IndexOf("\nurgent:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\ncalm:\n", StringComparison.Ordinal);
        File.WriteAllText(faq.PathOf("danger.yaml"), text[..start] + "\nurgent:\n  - \"my pump is beeping\"\n  - \"the wound is red\"\n" + text[end..]);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal(faq.LineOf("danger.yaml", "urgent:") + 1, problem.Line);
        Assert.Contains("at least 5 examples", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("danger.yaml")]
    [InlineData("danger-written.yaml")]
    public void A_missing_file_stops_the_load(string name)
    {
        using var faq = Repository.CopyFaq();
        File.Delete(faq.PathOf(name));

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/" + name, problem.File);
        Assert.Contains("file not found", problem.Message, StringComparison.Ordinal);
    }
}
