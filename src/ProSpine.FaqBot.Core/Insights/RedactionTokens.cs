using System.Text;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// One word of a folded message (letters and digits, with apostrophes inside: "don't"), or a placeholder already in
/// the text ("[number]"), with the separator text before it. Rules set <see cref="Mask"/> to the placeholder that
/// replaces it.
/// </summary>
internal sealed class RedactionToken(string text, string before, bool isPlaceholder, bool sentenceStart)
{
    private string? lower;

    public string Text { get; } = text;

    /// <summary>What stands between the previous token (or the start) and this one: spaces and punctuation.</summary>
    public string Before { get; } = before;

    /// <summary>A placeholder typed or left by an earlier step: never masked again, never a word.</summary>
    public bool IsPlaceholder { get; } = isPlaceholder;

    public bool IsWord => !IsPlaceholder;

    /// <summary>First of its sentence: at the start, or after ".", "!" or "?" that does not end an abbreviation.</summary>
    public bool SentenceStart { get; } = sentenceStart;

    public string Lower => lower ??= Text.ToLowerInvariant();

    public string? Mask { get; set; }

    /// <summary>Masked as one span with the token before it: shown once, whatever stands between ("dkrueger[at]tds").</summary>
    public bool JoinsPrevious { get; set; }

    /// <summary>A word no rule has masked yet.</summary>
    public bool IsOpen => IsWord && Mask is null;

    public bool HasDigit => Text.Any(char.IsAsciiDigit);

    /// <summary>
    /// "Rose", "McKay": an upper-case first letter and a lower-case letter after it. "I", "I'm", "MRI" and "WI" are not.
    /// </summary>
    public bool Capitalised => Text.Length >= 2 && char.IsAsciiLetterUpper(Text[0]) && Text[1] != '\'' && Text.Skip(1).Any(char.IsAsciiLetterLower);

    /// <summary>Only white space stands between the previous token and this one.</summary>
    public bool Adjacent => Before.Length > 0 && string.IsNullOrWhiteSpace(Before);

    /// <summary>What this token shows in the redacted text.</summary>
    public string Shown => Mask ?? Text;

    /// <summary>The placeholder this token is or becomes, if any.</summary>
    public string? Placeholder => Mask ?? (IsPlaceholder ? Text : null);

    public override string ToString() => Shown;
}

/// <summary>Tokens and the separator after the last one.</summary>
internal sealed record TokenizedText(List<RedactionToken> Tokens, string After);

/// <summary>Splits folded text into <see cref="RedactionToken"/>s and joins them back.</summary>
internal static class RedactionTokens
{
    // A "." after these does not end a sentence: "Dr. Okafor", "St. Casimir", "J. Smith".
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "st", "mt", "ft", "jr", "sr", "prof", "rev", "ave", "apt", "no", "vs", "etc", "pt",
    };


    /// <summary>The tokens of <paramref name="text"/> and the separator after the last one.</summary>
    public static TokenizedText Split(string text)
    {
        var tokens = new List<RedactionToken>();
        var separatorStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var placeholder = text[i] == '[' ? Redaction.Placeholders.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0) : null;
            var length = placeholder?.Length ?? WordLength(text, i);
            if (length == 0)
            {
                i++;
                continue;
            }
            var before = text[separatorStart..i];
            tokens.Add(new RedactionToken(text.Substring(i, length), before, placeholder is not null, StartsSentence(tokens, before)));
            i += length;
            separatorStart = i;
        }
        return new TokenizedText(tokens, text[separatorStart..]);
    }

    private static bool StartsSentence(List<RedactionToken> tokens, string before)
    {
        if (tokens.Count == 0)
            return true;
        if (before.Contains('!') || before.Contains('?'))
            return true;
        var previous = tokens[^1];
        return before.Contains('.') && !(previous.IsWord && (previous.Text.Length == 1 || Abbreviations.Contains(previous.Text)));
    }

    private static int WordLength(string text, int start)
    {
        var end = start;
        while (end < text.Length)
        {
            if (IsWordChar(text[end]))
                end++;
            else if (text[end] == '\'' && end > start && end + 1 < text.Length && IsWordChar(text[end + 1]))
                end++;
            else
                break;
        }
        return end - start;
    }

    // After folding, what is not ASCII is a letter of some script (or half of one), apart from the ellipsis.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > '\u007F' && c != CompatibilityFolding.Ellipsis);

    /// <summary>
    /// The text of <paramref name="tokens"/>: white space collapsed to single spaces, and each run of one placeholder
    /// joined by spaces or hyphens shown once ("[name] [name]" is "[name]"). <paramref name="ends"/> receives where each
    /// shown token ends, for a cut that never splits one.
    /// </summary>
    public static string Join(IReadOnlyList<RedactionToken> tokens, string after, List<int> ends)
    {
        var text = new StringBuilder();
        string? lastPlaceholder = null;
        foreach (var token in tokens)
        {
            var placeholder = token.Placeholder;
            if (placeholder is not null && placeholder == lastPlaceholder && (token.JoinsPrevious || token.Before.All(c => char.IsWhiteSpace(c) || c == '-')))
                continue;
            AppendSeparator(text, token.Before);
            text.Append(token.Shown);
            ends.Add(text.Length);
            lastPlaceholder = placeholder;
        }
        AppendSeparator(text, after);
        return text.ToString().Trim();
    }

    private static void AppendSeparator(StringBuilder text, string separator)
    {
        foreach (var c in separator)
        {
            if (!char.IsWhiteSpace(c))
                text.Append(c);
            else if (text.Length > 0 && text[^1] != ' ')
                text.Append(' ');
        }
    }
}
