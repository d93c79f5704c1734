namespace ProSpine.FaqBot.Bot;

/// <summary>
/// A value taken from an activity, made safe for a log line: channel ids and activity types are short names, so
/// anything else (a newline that would forge an entry, 100 KB of text) is logged as <see cref="Invalid"/>.
/// </summary>
public static class LogField
{
    public const int MaxLength = 64;
    public const string Invalid = "(invalid)";

    public static string Of(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : IsName(value) ? value : Invalid;

    /// <summary>
    /// Whether <paramref name="value"/> is a short name: at most <see cref="MaxLength"/> letters, digits, '.', '-' or
    /// '_' (<c>msteams</c>, <c>conversationUpdate</c>).
    /// </summary>
    public static bool IsName(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
