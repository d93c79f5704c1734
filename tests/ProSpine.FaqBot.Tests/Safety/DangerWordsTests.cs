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
    public void Weights_kept_in_several_rows_read_as_they_were_learned()
    {
        // Over a thousand calm words before the danger word: the weights fill more than one kept row, and the danger
        // word's weight lies in the last one.
        (string, bool)[] examples =
        [
            .. Enumerable.Range(0, 1500).Select(i => ($"calm{i}", false)),
            .. Enumerable.Range(0, 5).Select(_ => ("zzfarewell", true)),
        ];
        var kept = DangerWords.LearnWeights(examples);
        var restored = DangerWords.With(examples, kept);

        Assert.True(kept.Length > 2);
        Assert.True(restored.Probability("zzfarewell") > 0.9);
        Assert.True(restored.Probability("calm1499") < 0.1);
        Assert.Equal(DangerWords.TrainingKey(Examples), DangerWords.TrainingKey([.. Examples]));
        Assert.NotEqual(DangerWords.TrainingKey(Examples), DangerWords.TrainingKey([.. Examples.Select(e => (e.Text, !e.Danger))]));
        Assert.Throws<ArgumentException>(() => DangerWords.With(examples[..3], kept));
        Assert.Throws<ArgumentException>(() => DangerWords.With(examples, []));
    }

    [Fact]
    public void Words_it_never_learned_add_nothing()
    {
        var words = DangerWords.Learn(Examples);

        Assert.Equal(words.Probability(""), words.Probability("zebracorn unicycle mars"));
    }
}
