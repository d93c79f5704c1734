using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Tests.Text;

/// <summary>
/// The text mechanics every route depends on (typo correction has its own <see cref="TypoIndexTests"/>), each with its own table of cases: none of them reads the clinic's FAQ,
/// so a content update cannot break them and a change to them shows here first.
/// </summary>
public sealed class TextMechanicsTests
{
    [Theory]
    [InlineData("What's the PUMP?", "what is the pump")]
    [InlineData("I can't sleep", "i can not sleep")]
    [InlineData("it doesn't work", "it does not work")]
    [InlineData("Ya no puedo más", "ya no puedo mas")]
    [InlineData("  spaced\tout\nwords  ", "spaced out words")]
    [InlineData("!!! ??? ...", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalising_folds_case_accents_contractions_and_punctuation(string? text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("implanted", "implant")]
    [InlineData("implanting", "implant")]
    [InlineData("implants", "implant")]
    [InlineData("implantation", "implant")]
    [InlineData("therapies", "therapy")]
    [InlineData("stopped", "stop")]
    [InlineData("pumps", "pump")]
    [InlineData("process", "process")]
    [InlineData("is", "is")]
    public void Stemming_gives_the_forms_patients_type_one_key(string word, string stem) =>
        Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("i want to kill myself tonight", "kill myself", 3)]
    [InlineData("he sounds suicidal to me", "suicid*", 2)]
    [InlineData("thinking about suicide", "suicid*", 2)]
    [InlineData("i could kill for a coffee", null, -1)]
    [InlineData("suit yourself", null, -1)]
    public void A_phrase_is_found_as_whole_words_and_a_star_ends_a_prefix(string message, string? found, int at)
    {
        var finder = new PhraseFinder([Phrase("kill myself"), Phrase("suicid*")]);

        var occurrences = finder.Occurrences(TextNormalizer.Words(message));

        if (found is null)
        {
            Assert.Empty(occurrences);
            return;
        }
        var occurrence = Assert.Single(occurrences);
        Assert.Equal(found, occurrence.Phrase.Source);
        Assert.Equal(at, occurrence.Start);
    }

    private static SafetyPhrase Phrase(string text) => new(TextNormalizer.Words(text), text.EndsWith('*'), text);
}
