using ProSpine.FaqBot.Core.Safety;

namespace ProSpine.FaqBot.Tests.Safety;

public sealed class DangerWordsTests
{
    // "sleep" and "forever" each appear in calm examples too: only the pair tells them apart.
    private static readonly (string Text, bool Danger)[] Examples =
    [
        ("i want to sleep forever", true),
        ("just let me sleep forever", true),
        ("wish i could sleep forever now", true),
        ("i sleep well most nights", false),
        ("how long should i sleep after surgery", false),
        ("forever grateful to the nurses", false),
        ("the pump lasts forever it seems", false),
    ];

    [Fact]
    public void A_pair_of_words_reads_as_danger_where_each_word_alone_does_not()
    {
        var words = DangerWords.Learn(Examples);

        Assert.True(words.Probability("sometimes i want to sleep forever") > 0.9);
        Assert.True(words.Probability("i sleep on my side forever grateful") < 0.5);
    }

    [Fact]
    public void The_same_examples_always_give_the_same_reading()
    {
        var first = DangerWords.Learn(Examples);
        var second = DangerWords.Learn([.. Examples]);

        foreach (var text in new[] { "sleep forever", "how long should i sleep", "words it never saw" })
            Assert.Equal(first.Probability(text), second.Probability(text));
    }

    [Fact]
    public void Weights_kept_from_an_earlier_start_read_as_the_learning_did()
    {
        var kept = DangerWords.LearnWeights(Examples);
        var learned = DangerWords.Learn(Examples);
        var restored = DangerWords.With(Examples, kept);

        Assert.Equal(learned.Probability("i want to sleep forever"), restored.Probability("i want to sleep forever"));
        Assert.Equal(DangerWords.TrainingKey(Examples), DangerWords.TrainingKey([.. Examples]));
        Assert.NotEqual(DangerWords.TrainingKey(Examples), DangerWords.TrainingKey([.. Examples.Select(e => (e.Text, !e.Danger))]));
        Assert.Throws<ArgumentException>(() => DangerWords.With(Examples[..3], kept));
    }

    [Fact]
    public void Words_it_never_learned_add_nothing()
    {
        var words = DangerWords.Learn(Examples);

        Assert.Equal(words.Probability(""), words.Probability("zebracorn unicycle mars"));
    }
}
