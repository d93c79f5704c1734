using System.Diagnostics;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Insights;

public sealed class RedactionTests
{
    private static readonly Lazy<Redactor> RepositoryFaq = new(() => Redactor.For(FaqLoader.Load(Repository.Faq)));

    private static string Redact(string text) => Redactor.English.Redact(text).Value;

    [Theory]
    [InlineData("call me at (262) 555-0199 about the pump", "call me at [number] about the pump")]
    [InlineData("my cell is +1 414 555 0100", "my cell is [number]")]
    [InlineData("born 03/14/1962, is the pump safe", "born [number], is the pump safe")]
    [InlineData("chart 88231 says refill", "chart [number] says refill")]
    [InlineData("pump lasts 5-10 years?", "pump lasts [number] years?")]
    [InlineData("full-width digits １２３ count too", "full-width digits [number] count too")]
    [InlineData("a member id WI88K2Z or 3HW7-PN2-XC41", "a member id [number] or [number]")]
    [InlineData("it was Brewers2019! before", "it was [number] before")]
    public void Every_number_becomes_a_placeholder(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void Each_of_several_numbers_is_replaced_not_only_the_last()
    {
        // The NonBacktracking engine skipped all but the last match of an earlier form of the number pattern.
        Assert.Equal("is [number] weeks of [number] days and [number] hours", Redact("is 2 weeks of 5 days and 10 hours"));
    }

    [Theory]
    [InlineData("email jane.doe+pump@example.org please", "email [email] please")]
    [InlineData("write to j_doe@clinic.health.", "write to [email]")]
    [InlineData("send it to jdoerfler61 at gmail dot com please", "send it to [email] please")]
    [InlineData("dkrueger[at]tds[dot]net - thanks", "[email] - thanks")]
    [InlineData("tjkraus (at) wi.rr.com is my email", "[email] is my email")]
    [InlineData("email is grandpa joe 44 at yahoo dot com ok", "email is [email] ok")]
    public void E_mail_addresses_written_or_spelled_become_a_placeholder(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void A_known_word_before_at_and_a_link_is_not_taken_for_an_e_mail_address()
    {
        Assert.Equal("I have questions at [link] about the pump", Redact("I have questions at mysite.net about the pump"));
    }

    [Theory]
    [InlineData("see https://example.com/patients?id=42 for my chart", "see [link] for my chart")]
    [InlineData("www.mychart-portal.net shows it", "[link] shows it")]
    [InlineData("is medtronic.com right about the pump", "is [link] right about the pump")]
    [InlineData("see my incision at bit.ly/3TqPumpScar please", "see my incision at [link] please")]
    [InlineData("my blog ronspumpstory.family has it", "my blog [link] has it")]
    [InlineData("i am rose.baker on there", "i am [link] on there")]
    [InlineData("find me @jess_kaz_wi on insta", "find me [person] on [word]")]
    public void Links_domains_and_handles_become_placeholders(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void Teams_mentions_of_other_people_become_a_placeholder()
    {
        Assert.Equal("[person] asked how long the pump lasts", Redact("<at>Jane Doe</at> asked how long the pump lasts"));
    }

    [Theory]
    [InlineData("call ４１４-５５５-０１９９ now", "call [number] now")]                                   // fullwidth
    [InlineData("call \U0001D7D2\U0001D7CF\U0001D7D2 \U0001D7D3\U0001D7D3\U0001D7D3 now", "call [number] now")] // mathematical digits (surrogate pairs)
    [InlineData("call 262\u2060555\u20600176 now", "call [number] now")]                             // word joiners
    [InlineData("call \u202E7110-555-414\u202C now", "call [number] now")]                           // right-to-left override
    [InlineData("ssn 391\u200B-44\u200B-8820 ok", "ssn [number] ok")]                                 // zero-width spaces
    [InlineData("mail ｌｉｎｄａ＠ｙａｈｏｏ．ｃｏｍ thanks", "mail [email] thanks")]                           // fullwidth e-mail
    [InlineData("Dr. Ramas\u00ADwamy wants notes", "Dr. [person] wants notes")]                       // soft hyphen
    [InlineData("it's \U0001D403\U0001D41E\U0001D41B Halloran asking", "it's [name] asking")]       // mathematical bold letters
    [InlineData("is \uFF50\uFF55\uFF4D\uFF50 safe", "is pump safe")]                                   // fullwidth letters kept as words
    public void Look_alike_and_invisible_characters_do_not_hide_anything(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Mrs. Rose asked about the pump", "Mrs. [person] asked about the pump")]
    [InlineData("will Dr. Hope do the trial", "will Dr. [person] do the trial")]
    [InlineData("my name is Frances Pollack and I have a pump", "my name is [person] [name] and I have a pump")]
    [InlineData("my wife hope has the pump", "my wife [person] has the pump")]
    [InlineData("my wife June has the pump", "my wife [person] has the pump")]
    [InlineData("Bill here. got the bill for the refill", "[person] here. got the bill for the refill")]
    [InlineData("I asked Grace Baker about it", "I asked [name] about it")]
    [InlineData("I saw Rose Baker", "I saw [name]")]
    [InlineData("Sue Ellen Marsh, is the pump safe", "[name], is the pump safe")]
    [InlineData("thanks, April Nowak", "thanks, [name]")]
    [InlineData("we are up in Hales Corners now", "we are up in [name] now")]
    [InlineData("coming from fond du lac today", "coming from [word] today")]
    [InlineData("hey its marnie again", "hey its [word] again")]
    public void Names_are_masked_even_when_they_are_ordinary_words(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("How Long Does The Pump Last After Surgery")]
    [InlineData("I hope the trial works, will the bill be high?")]
    [InlineData("Is the office open on Saturdays or only Monday through Friday?")]
    [InlineData("my refill is due in april, the pump may stop")]
    public void Ordinary_questions_keep_their_words(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("my home phone is four one four five five five oh one six eight", "my home phone is [number]")]
    [InlineData("zip five three zero four five please", "zip [number] please")]
    [InlineData("call 262 five five five 0121 today", "call [number] today")]
    [InlineData("born in nineteen sixty", "born in [number]")]
    [InlineData("it lasts twenty five years or one decade", "it lasts twenty five years or one decade")]
    public void Numbers_in_words_become_a_placeholder(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("my dad born june second nineteen forty nine has a pump", "my dad born [date] has a pump")]
    [InlineData("born the fifth of May, nineteen forty four. Is it safe", "born [date]. Is it safe")]
    [InlineData("dob October twenty third nineteen forty ok", "dob [date] ok")]
    [InlineData("born March 3 1962", "born [date]")]
    public void Dates_of_birth_in_words_become_a_placeholder(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("send it to 812 Elm St, please", "send it to [address], please")]
    [InlineData("im at 1420 W Oak Ridge Dr, thanks", "im at [address], thanks")]
    [InlineData("3110 Washington Ave Apt 4B is my new place", "[address] is my new place")]
    [InlineData("send to PO Box 118, thanks", "send to [address], thanks")]
    public void Street_addresses_become_a_placeholder(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("my password is bluebird and it fails", "my password is [secret] and it fails")]
    [InlineData("portal pw sunflower not working", "portal pw [secret] not working")]
    [InlineData("my member ID is QXRTVB with them", "my member ID is [secret] with them")]
    [InlineData("policy is M as in mary, thanks", "policy is [word], thanks")]
    public void What_follows_password_pin_or_id_is_masked(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void The_FAQ_s_words_are_kept_and_the_people_it_names_are_not()
    {
        var faq = RepositoryFaq.Value;

        Assert.Equal("is intrathecal baclofen safe", faq.Redact("is intrathecal baclofen safe").Value);
        Assert.Equal("is [word] safe", Redact("is intrathecal baclofen safe"));
        Assert.Equal("does Dr. [person] do it", faq.Redact("does Dr. Stauss do it").Value);
        Assert.Equal("is [word] nice", faq.Redact("is stauss nice").Value);
        Assert.True(faq.Vocabulary.FaqWordCount > 500, $"only {faq.Vocabulary.FaqWordCount} FAQ words");
    }

    [Fact]
    public void Text_is_cut_to_200_characters_after_a_whole_word()
    {
        var redacted = Redact(string.Join(' ', Enumerable.Repeat("pump", 100)));

        Assert.True(redacted.Length <= Redaction.MaxLength, $"{redacted.Length} characters");
        Assert.True(redacted.Length > Redaction.MaxLength - 6, $"only {redacted.Length} characters");
        Assert.EndsWith("pump…", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cut_never_splits_a_character_made_of_two_code_units()
    {
        var redacted = Redact(new string('a', Redaction.MaxLength - 2) + "😀😀😀");

        Assert.True(redacted.Length <= Redaction.MaxLength);
        Assert.DoesNotContain(redacted, char.IsSurrogate);
    }

    [Fact]
    public void Numbers_are_redacted_before_the_cut_so_none_survives_at_the_edge()
    {
        var redacted = Redact(new string('x', 195) + " 2625550199");

        Assert.DoesNotContain(redacted, char.IsDigit);
    }

    [Fact]
    public void Whitespace_and_control_characters_collapse_to_single_spaces()
    {
        Assert.Equal("is the pump safe", Redact("  is\tthe\r\n pump\u0007 safe  "));
    }

    [Theory]
    [InlineData("call (262) 555-0199 or mail a@b.co, see www.x.com")]
    [InlineData("")]
    [InlineData("a very long question about pumps repeated until it is cut, a very long question about pumps repeated until it is cut, a very long question about pumps repeated until it is cut, 12345")]
    [InlineData("Mrs. Rose Baker of 812 Elm St, Sheboygan, born june second nineteen forty nine, pw kitty, dkrueger[at]tds[dot]net")]
    [InlineData("How Long Does The Pump Last For Rose Baker In Green Bay")]
    [InlineData("Tiktok @crps_carla here, Carla Mendez, with Dr. Okafor's nurse")]
    public void Redacting_twice_changes_nothing(string text)
    {
        var once = Redactor.English.Redact(text);

        Assert.Equal(once, Redactor.English.Redact(once.Value));
    }

    [Fact]
    public void Only_ascii_and_the_ellipsis_come_out()
    {
        var redacted = Redact("Ünïcödé ñame Ⓡⓞⓢⓔ 🇯🇦🇳🇪 Ωmega 中文 😀 «quoted» — dash … end " + string.Concat(Enumerable.Repeat("long ", 60)));

        Assert.All(redacted, c => Assert.True(c < 0x80 || c == '…', $"U+{(int)c:X4}"));
    }

    [Fact]
    public void Hostile_input_of_a_megabyte_is_redacted_in_linear_time()
    {
        string[] inputs =
        [
            string.Concat(Enumerable.Repeat("1-", 500_000)), new string('@', 1_000_000), string.Concat(Enumerable.Repeat("a@", 500_000)),
            string.Concat(Enumerable.Repeat("ab.", 330_000)), string.Concat(Enumerable.Repeat("Mr. at dot com ", 70_000)),
            string.Concat(Enumerable.Repeat("one two ", 125_000)), string.Concat(Enumerable.Repeat("\U0001D7CF\u200B", 250_000)),
        ];
        Redact("warm up");
        var clock = Stopwatch.StartNew();

        foreach (var input in inputs)
            Assert.True(Redact(input).Length <= Redaction.MaxLength);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed.TotalSeconds:F1} s");
    }
}
