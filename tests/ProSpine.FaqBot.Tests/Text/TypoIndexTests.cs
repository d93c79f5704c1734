using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Tests.Text;

public sealed class TypoIndexTests
{
    private static readonly string[] Words = ["the", "how", "who", "who", "pump", "what", "can", "own", "two", "anesthesia"];

    private static readonly TypoIndex ShortWords = new(Words, shortWords: true);

    [Theory]
    [InlineData("intrathecle", "intrathecal")]
    [InlineData("medicaton", "medication")]
    [InlineData("anesthesia", "anesthesia")]
    [InlineData("zebracorn", null)]
    public void A_typo_is_corrected_to_a_known_word_and_nothing_else(string typed, string? corrected)
    {
        var index = new TypoIndex(["intrathecal", "medication", "anesthesia", "pump"]);

        Assert.Equal(corrected, index.Contains(typed) ? typed : index.Correct(typed));
    }

    [Theory]
    [InlineData("conscious", null)]      // "unconscious" is another word, not a slip
    [InlineData("responsive", null)]     // "unresponsive"
    [InlineData("nock", "knock")]        // one letter before it may be a slip
    [InlineData("uncoscious", "unconscious")]
    public void A_word_is_not_corrected_to_itself_with_letters_put_before_it(string typed, string? corrected)
    {
        var index = new TypoIndex(["unconscious", "unresponsive", "knock"]);

        Assert.Equal(corrected, index.Correct(typed));
    }

    [Theory]
    [InlineData("teh", "the")]
    [InlineData("pmp", "pump")]
    [InlineData("wht", "what")]
    public void Short_words_are_corrected_by_a_swap_after_the_first_letter_or_a_missing_vowel(string typed, string expected) =>
        Assert.Equal(expected, ShortWords.Correct(typed));

    [Fact]
    public void A_short_word_with_several_readings_gets_the_most_frequent_known_word() =>
        Assert.Equal("pump", new TypoIndex(["pimp", "pump", "pump"], shortWords: true).Correct("pmp"));

    [Theory]
    [InlineData("won")] // "own" only by swapping the first letter
    [InlineData("cn")] // two letters are too few to guess from
    [InlineData("pan")] // a real word a letter short of "pain" is not a typo of it
    public void Short_real_words_are_not_turned_into_other_words(string typed)
    {
        var index = new TypoIndex(["own", "pain", "can"], shortWords: true);
        Assert.Null(index.Correct(typed));
    }

    [Fact]
    public void Short_words_are_left_alone_unless_asked()
    {
        var index = new TypoIndex(Words);
        Assert.Null(index.Correct("teh"));
        Assert.Null(index.Correct("pmp"));
    }

    [Fact]
    public void Longer_words_are_corrected_as_before() =>
        Assert.Equal("anesthesia", ShortWords.Correct("anestesia"));
}
