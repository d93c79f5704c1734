using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// Removes what could identify a person from a patient's question before anything keeps it, keeping what staff need to
/// improve the FAQ. Four steps:
/// <list type="number">
/// <item>Fold look-alike letters and digits to ASCII and remove invisible characters (<see cref="CompatibilityFolding"/>).</item>
/// <item>Replace what has a shape of its own: Teams mentions, links, e-mail addresses, handles, domains, and every
/// word with a digit in it (<see cref="Redaction.Number"/>).</item>
/// <item>Mask phrases that identify someone in ordinary words: names after titles and relatives, "my name is",
/// numbers and dates of birth in words, spelled-out e-mail addresses, street addresses, what follows "password".</item>
/// <item>Keep every other word only if the vocabulary knows it (common English or the FAQ's own words, less proper
/// names), and only if it is not a capitalised name inside a sentence; mask the rest.</item>
/// </list>
/// The result is cut to <see cref="Redaction.MaxLength"/> characters at a word boundary. Time is linear in the length
/// of the message, and redacting redacted text changes nothing.
/// </summary>
public sealed class Redactor(RedactionVocabulary vocabulary)
{
    /// <summary>Only this much of a message is read: far more than the kept length, cut between words.</summary>
    public const int MaxInputLength = 4000;

    private static readonly Lazy<Redactor> EnglishOnly = new(() => new Redactor(RedactionVocabulary.English));

    /// <summary>A redactor that keeps common English words only: for tools and tests, and stores with no FAQ at hand.</summary>
    public static Redactor English => EnglishOnly.Value;

    /// <summary>A redactor that also keeps the words of <paramref name="content"/> (see <see cref="RedactionVocabulary.For"/>).</summary>
    public static Redactor For(FaqContent content) => new(RedactionVocabulary.For(content));

    public RedactionVocabulary Vocabulary { get; } = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));

    /// <summary>Redacts <paramref name="text"/> (see the type's summary).</summary>
    public RedactedText Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new RedactedText("");
        // Bounded before folding too (folding removes invisible characters, so allow for them) to keep the work bounded.
        var folded = Bound(CompatibilityFolding.Fold(Bound(text, 4 * MaxInputLength)), MaxInputLength);
        var (tokens, after) = RedactionTokens.Split(RedactionPatterns.Apply(folded));
        PersonalPhrases.Mark(tokens, Vocabulary);
        var ends = new List<int>();
        var redacted = RedactionTokens.Join(tokens, after, ends);
        return new RedactedText(Cap(redacted, ends));
    }

    /// <summary>
    /// At most <paramref name="limit"/> characters, without the word the cut falls in: "Rosemary" cut to "Rose" would
    /// be a kept word.
    /// </summary>
    private static string Bound(string text, int limit)
    {
        if (text.Length <= limit)
            return text;
        var cut = limit;
        while (cut > 0 && (char.IsLetterOrDigit(text[cut - 1]) || char.IsSurrogate(text[cut - 1]) || text[cut - 1] == '\''))
            cut--;
        return text[..cut];
    }

    /// <summary>At most <see cref="Redaction.MaxLength"/> characters, cut after a whole word or placeholder.</summary>
    private static string Cap(string text, List<int> ends)
    {
        if (text.Length <= Redaction.MaxLength)
            return text;
        var cut = ends.LastOrDefault(end => text.AsSpan(0, end).TrimEnd().Length < Redaction.MaxLength);
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), CompatibilityFolding.Ellipsis.ToString());
    }
}
