using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Tests.Insights;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("call me at (262) 555-0199 about the pump", "call me at [number] about the pump")]
    [InlineData("my cell is +1 414 555 0100", "my cell is [number]")]
    [InlineData("born 03/14/1962, is the pump safe", "born [number], is the pump safe")]
    [InlineData("chart 88231 says refill", "chart [number] says refill")]
    [InlineData("pump lasts 5-10 years?", "pump lasts [number] years?")]
    [InlineData("full-width digits １２３ count too", "full-width digits [number] count too")]
    public void Every_number_becomes_a_placeholder(string text, string expected) =>
        Assert.Equal(expected, Redaction.Redact(text).Value);

    [Theory]
    [InlineData("email jane.doe+pump@example.org please", "email [email] please")]
    [InlineData("write to j_doe@clinic.health.", "write to [email]")]
    public void E_mail_addresses_become_a_placeholder(string text, string expected) =>
        Assert.Equal(expected, Redaction.Redact(text).Value);

    [Theory]
    [InlineData("see https://example.com/patients?id=42 for my chart", "see [link] for my chart")]
    [InlineData("www.mychart-portal.net shows it", "[link] shows it")]
    [InlineData("is medtronic.com right about mri", "is [link] right about mri")]
    public void Links_become_a_placeholder(string text, string expected) =>
        Assert.Equal(expected, Redaction.Redact(text).Value);

    [Fact]
    public void Teams_mentions_of_other_people_become_a_placeholder()
    {
        Assert.Equal("[person] asked how long the pump lasts", Redaction.Redact("<at>Jane Doe</at> asked how long the pump lasts").Value);
    }

    [Fact]
    public void Text_is_cut_to_200_characters()
    {
        var redacted = Redaction.Redact(string.Join(' ', Enumerable.Repeat("pump", 100)));

        Assert.Equal(Redaction.MaxLength, redacted.Value.Length);
        Assert.EndsWith("…", redacted.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cut_never_splits_a_character_made_of_two_code_units()
    {
        var redacted = Redaction.Redact(new string('a', Redaction.MaxLength - 2) + "😀😀😀");

        Assert.True(redacted.Value.Length <= Redaction.MaxLength);
        Assert.False(char.IsHighSurrogate(redacted.Value[^2]), "a lone high surrogate before the ellipsis");
    }

    [Fact]
    public void Numbers_are_redacted_before_the_cut_so_none_survives_at_the_edge()
    {
        var redacted = Redaction.Redact(new string('x', 195) + " 2625550199");

        Assert.DoesNotContain(redacted.Value, char.IsDigit);
    }

    [Fact]
    public void Whitespace_and_control_characters_collapse_to_single_spaces()
    {
        Assert.Equal("is the pump safe", Redaction.Redact("  is\tthe\r\n pump\u0007 safe  ").Value);
    }

    [Theory]
    [InlineData("call (262) 555-0199 or mail a@b.co, see www.x.com")]
    [InlineData("")]
    [InlineData("a very long question about pumps repeated until it is cut, a very long question about pumps repeated until it is cut, a very long question about pumps repeated until it is cut, 12345")]
    public void Redacting_twice_changes_nothing(string text)
    {
        var once = Redaction.Redact(text);

        Assert.Equal(once, Redaction.Redact(once.Value));
    }
}
