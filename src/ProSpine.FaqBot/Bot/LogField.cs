namespace ProSpine.FaqBot.Bot;

/// <summary>
/// A value taken from an activity, made safe for a log line: channel ids and activity types are short identifiers,
/// so anything else (a newline that would forge an entry, 100 KB of text) is logged as <see cref="Invalid"/>.
/// </summary>
public static class LogField
{
    public const int MaxLength = 64;
    public const string Invalid = "(invalid)";

    public static string Of(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)"
        : value.Length <= MaxLength && value.All(IsIdentifierCharacter) ? value
        : Invalid;

    /// <summary>Letters, digits and the punctuation of channel ids and types (<c>msteams</c>, <c>conversationUpdate</c>, <c>a.b-c_d</c>).</summary>
    public static bool IsIdentifierCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
