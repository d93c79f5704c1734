using System.Text.RegularExpressions;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// The first step of redaction, on folded text: what has a shape of its own becomes a placeholder before the text is
/// split into words. In order, since each later pattern would match a part of an earlier one: Teams mentions, links
/// with a scheme or "www.", e-mail addresses, social handles, domains ("mysite.net", "bit.ly/x", "jane.doe"), then
/// every word with a digit in it, with the separators of phone numbers, dates and ids between them.
/// </summary>
internal static partial class RedactionPatterns
{
    public static string Apply(string text)
    {
        text = MentionPattern().Replace(text, Redaction.Person);
        text = UrlPattern().Replace(text, Redaction.Link);
        text = ContactDetails.Email().Replace(text, Redaction.Email);
        text = HandlePattern().Replace(text, Redaction.Person);
        text = DomainPattern().Replace(text, Redaction.Link);
        return NumberPattern().Replace(text, Redaction.Number);
    }

    // NonBacktracking throughout: the input is whatever a stranger typed, so matching time must stay linear in its length.
    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(?:[a-z][a-z0-9+.\-]*://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"@[\p{L}\p{N}_.]+", RegexOptions.NonBacktracking)]
    private static partial Regex HandlePattern();

    // Two or more labels of two or more characters joined by dots without spaces, the last one starting with a letter,
    // with any path after it: domains with any ending, short links, and dotted user names. Abbreviations ("e.g.",
    // "a.m.", "U.S.") have one-letter labels; decimals and dotted dates end in a digit.
    [GeneratedRegex(@"[\p{L}\p{N}_\-]{2,}(?:\.[\p{L}\p{N}_\-]{2,})*\.\p{L}[\p{L}\p{N}_\-]+(?:/\S*)?", RegexOptions.NonBacktracking)]
    private static partial Regex DomainPattern();

    // A word with a digit in it, symbols glued to it included ("Brewers2019!", "Sunflower#22", "WI88K2Z"), and runs of
    // them joined by the separators of phone numbers, dates and ids count as one number: "(262) 297-7246", "3HW7-PN2-XC41".
    // Written so that a digit can only be matched one way ((letters* digit)+ letters*): with a class that holds digits
    // around \d, the NonBacktracking engine of .NET 10 skips all but the last of several numbers ("x 2 y 3").
    [GeneratedRegex(@"[+(]?(?:[\p{L}_#!$%&*+=~^]*\d)+[\p{L}_#!$%&*+=~^]*(?:[\s().\-/,:]*(?:[\p{L}_#!$%&*+=~^]*\d)+[\p{L}_#!$%&*+=~^]*)*",
        RegexOptions.NonBacktracking)]
    private static partial Regex NumberPattern();
}
