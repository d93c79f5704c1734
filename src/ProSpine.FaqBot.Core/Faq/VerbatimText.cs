using System.Text;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// The comparison behind "word for word": only whitespace, curly versus straight quotes, dashes and bullet characters
/// may differ between an answer and its source page. Case, words and every other character must match.
/// </summary>
internal static class VerbatimText
{
    public static string Canonical(string text)
    {
        var folded = TextNormalizer.FoldToAscii(text).Replace('\u2022', ' ').Replace('\u00B7', ' ');
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
