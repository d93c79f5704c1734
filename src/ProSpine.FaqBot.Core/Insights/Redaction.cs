using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// Text that has been through <see cref="Redaction.Redact"/>: no digits, e-mail addresses, links or Teams mentions,
/// single-spaced, at most <see cref="Redaction.MaxLength"/> characters. The only way to make one is to redact, so a
/// store that accepts only this type cannot be handed a raw message.
/// </summary>
public sealed record RedactedText
{
    internal RedactedText(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>
/// Removes what could identify a person from a patient's question before anything keeps it: every number (phone,
/// date of birth, record number), e-mail address, link and Teams <c>&lt;at&gt;</c> mention becomes a placeholder,
/// then the text is cut to <see cref="MaxLength"/> characters. Names typed as words cannot be recognised, which is one
/// reason the text is short and kept for a limited time.
/// </summary>
public static partial class Redaction
{
    public const int MaxLength = 200;
    public const string Number = "[number]";
    public const string Email = "[email]";
    public const string Link = "[link]";
    public const string Person = "[person]";

    /// <summary>Redacts <paramref name="text"/>. Redacting redacted text changes nothing.</summary>
    public static RedactedText Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new RedactedText("");
        // Order matters: an e-mail address contains a domain, and a link may contain digits.
        var redacted = MentionPattern().Replace(text, Person);
        redacted = EmailPattern().Replace(redacted, Email);
        redacted = LinkPattern().Replace(redacted, Link);
        redacted = NumberPattern().Replace(redacted, Number);
        redacted = SpacePattern().Replace(redacted, " ").Trim();
        return new RedactedText(Cap(redacted));
    }

    private static string Cap(string text)
    {
        if (text.Length <= MaxLength)
            return text;
        var cut = MaxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // NonBacktracking: the input is whatever a stranger typed, so matching time must stay linear in its length.
    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+", RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(
        @"(?:[a-z][a-z0-9+.\-]*://|www\.)\S+|[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|edu|gov|us|io|info|biz|health|co|me|app)\b(?:/\S*)?",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LinkPattern();

    // A run of digits with the separators of phone numbers and dates counts as one number: "(262) 297-7246".
    [GeneratedRegex(@"[+(]?\p{N}(?:[\p{N}\s().\-/]*\p{N})?", RegexOptions.NonBacktracking)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[\s\p{Cc}]+", RegexOptions.NonBacktracking)]
    private static partial Regex SpacePattern();
}
