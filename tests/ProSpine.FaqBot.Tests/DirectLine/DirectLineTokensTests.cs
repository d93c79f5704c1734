using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProSpine.FaqBot.DirectLine;

namespace ProSpine.FaqBot.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private const string Key = "a-signing-key-of-at-least-32-characters";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_issued_token_is_valid_for_its_conversation_until_its_lifetime_ends()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conversation-1");
        var expiry = time.GetUtcNow().AddMinutes(30);

        var fresh = tokens.Check(token);
        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var lastSecond = tokens.Check(token);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = tokens.Check(token);

        Assert.Equal(new TokenCheck(TokenStatus.Valid, "conversation-1", expiry), fresh);
        Assert.Equal(TokenStatus.Valid, lastSecond.Status);
        Assert.Equal(TokenStatus.Expired, expired.Status);
        Assert.Equal("conversation-1", expired.ConversationId);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_invalid()
    {
        var token = Tokens("another-signing-key-of-32-characters-or-more").Issue("conversation-1");

        Assert.Equal(TokenCheck.Invalid, Tokens().Check(token));
    }

    [Fact]
    public void Without_a_configured_key_each_instance_has_its_own()
    {
        var issuer = Tokens(key: null);
        var token = issuer.Issue("conversation-1");

        Assert.Equal(TokenStatus.Valid, issuer.Check(token).Status);
        Assert.Equal(TokenCheck.Invalid, Tokens(key: null).Check(token));
    }

    [Fact]
    public void Changing_any_character_of_a_token_makes_it_invalid()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conversation-1");

        for (var i = 0; i < token.Length; i++)
        {
            var altered = string.Concat(token.AsSpan(0, i), token[i] == 'A' ? "B" : "A", token.AsSpan(i + 1));
            Assert.Equal(TokenStatus.Invalid, tokens.Check(altered).Status);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a.b")]
    [InlineData("....")]
    [InlineData("!!!.???")]
    [InlineData("ZGwxfGF8MQ")]
    [InlineData("ZGwxfGF8MQ.")]
    [InlineData(".c2ln")]
    public void Garbage_is_invalid_and_never_throws(string? token) =>
        Assert.Equal(TokenCheck.Invalid, Tokens().Check(token));

    [Fact]
    public void An_overlong_token_is_invalid_without_being_decoded() =>
        Assert.Equal(TokenCheck.Invalid, Tokens().Check(new string('A', 100_000) + ".AAAA"));

    [Fact]
    public void Conversation_ids_are_unguessable_and_url_safe()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => DirectLineTokens.NewConversationId()).ToList();

        Assert.Equal(1000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{22}$", id));
    }

    private DirectLineTokens Tokens(string? key = Key) =>
        new(Options.Create(new DirectLineOptions { SigningKey = key, TokenLifetime = TimeSpan.FromMinutes(30) }), time);
}
