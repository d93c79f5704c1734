namespace ProSpine.FaqBot.Core.Content;

/// <summary>
/// A language the bot replies in. Its texts are under <see cref="Code"/> in <c>faq/messages.yaml</c>, and the words
/// that show a message is written in it under <c>languages</c> in <c>faq/safety.yaml</c>. Adding French is those two
/// content changes and one line in <see cref="Registered"/>; the loader refuses a language code not registered here.
/// </summary>
/// <param name="Code">The code used in <c>faq/</c> ("es").</param>
/// <param name="Locale">The locale of the bot's replies in this language, which channels use to read them aloud.</param>
/// <param name="TellingCharacters">Characters only this language writes (Spanish's ¿ ¡ ñ): one is enough to tell it.</param>
public sealed record Language(string Code, string Locale, string TellingCharacters = "")
{
    public static Language English { get; } = new("en", "en-US");

    public static Language Spanish { get; } = new("es", "es-US", "¿¡ñ");

    /// <summary>Every language <c>faq/</c> may hold texts for. English, the first, has every text and is the fallback.</summary>
    public static IReadOnlyList<Language> Registered { get; } = [English, Spanish];

    /// <summary>
    /// A message mostly in a script the bot cannot read (Chinese, Arabic): neither the phrases nor the sentence model
    /// can read it, so it gets the English "English only" hand-off with the clinic's phone.
    /// </summary>
    public static Language Unreadable { get; } = new("other", English.Locale);

    /// <summary>The registered language of <paramref name="code"/>, or null.</summary>
    public static Language? FromCode(string code) => Registered.FirstOrDefault(l => l.Code == code);

    /// <summary>The language the reply is written in: this one, or English for an unreadable message.</summary>
    public Language ReplyLanguage => this == Unreadable ? English : this;

    /// <summary>What a file of <c>faq/</c> is told when it names a language that is not registered.</summary>
    public static string NotRegistered(string code) =>
        $"'{code}' is not a registered language ({string.Join(", ", Registered.Select(l => l.Code))}): add it to Language.Registered";
}
