using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

/// <summary><c>faq/small-talk.yaml</c> is validated like every file of <c>faq/</c>: each problem with its file and line.</summary>
public sealed class SmallTalkExamplesFileTests
{
    [Fact]
    public void The_real_messages_load_under_every_kind_of_small_talk_with_their_source_line()
    {
        var content = FaqLoader.Load(Repository.Faq);

        Assert.All(content.Safety.SmallTalk.Keys, kind => Assert.Contains(content.SmallTalk.Items, m => m.Kind == kind));
        Assert.All(content.SmallTalk.Items, m => Assert.Matches(@"^faq/small-talk\.yaml:\d+$", m.Source));
    }

    [Fact]
    public void Messages_load_under_their_kind()
    {
        using var faq = FixtureFaq.Copy();
        File.WriteAllText(faq.PathOf("small-talk.yaml"), "greeting:\n  - howdy from Green Bay\nthanks:\n  - you made my day, thanks\n");

        var messages = FaqLoader.Load(faq.Directory).SmallTalk.Items;

        Assert.Equal(("greeting", "faq/small-talk.yaml:2"), (messages[0].Kind, messages[0].Source));
        Assert.Equal(("thanks", "faq/small-talk.yaml:4"), (messages[1].Kind, messages[1].Source));
    }

    [Theory]
    [InlineData("weather:\n  - cold one today\n", 1, "under a kind of small talk of safety.yaml")]
    [InlineData("greeting:\n  - How long does a PAIN pump last?\n", 2, "is already a question of the FAQ")]
    [InlineData("greeting:\n  - hi there friend\nthanks:\n  - Hi there, friend!\n", 4, "repeats line 2")]
    [InlineData("greeting:\n  - \"🙂\"\n", 2, "has no words")]
    [InlineData("greeting:\n  nested: map\n", 2, "must be a list of texts")]
    public void A_message_of_no_kind_repeated_or_already_a_question_is_rejected_at_its_line(string text, int line, string reason)
    {
        using var faq = FixtureFaq.Copy();
        File.WriteAllText(faq.PathOf("small-talk.yaml"), text);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal(("faq/small-talk.yaml", line), (problem.File, problem.Line));
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }
}
