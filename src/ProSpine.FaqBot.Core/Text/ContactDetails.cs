using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.Core.Text;

/// <summary>
/// The shapes of contact details in what people type. Redaction replaces e-mail addresses before anything is stored;
/// the danger reader leaves out e-mail addresses and phone numbers, which say nothing about danger.
/// </summary>
/// <remarks>NonBacktracking: the input is whatever a stranger typed, so matching time must stay linear in its length.</remarks>
public static partial class ContactDetails
{
    /// <summary>An e-mail address: non-space text on both sides of an "@".</summary>
    [GeneratedRegex(@"[^\s@]+@[^\s@]+", RegexOptions.NonBacktracking)]
    public static partial Regex Email();

    /// <summary>
    /// A phone number: seven digits or more, with at most two separators between two digits ("414-555-0199",
    /// "(262) 297-7246", "+1 262 297 7246"). Shorter numbers ("60 pills", "a fever of 103") are not.
    /// </summary>
    [GeneratedRegex(@"\+?(?:\d[\s().\-]{0,2}){6,}\d", RegexOptions.NonBacktracking)]
    public static partial Regex Phone();

    /// <summary><paramref name="text"/> with each e-mail address and phone number replaced by a space.</summary>
    public static string Without(string text) => Phone().Replace(Email().Replace(text, " "), " ");
}
