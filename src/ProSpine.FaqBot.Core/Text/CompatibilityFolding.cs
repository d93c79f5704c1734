using System.Globalization;
using System.Text;

namespace ProSpine.FaqBot.Core.Text;

/// <summary>
/// Rewrites the look-alike forms of letters and digits as plain ASCII, and removes what is invisible, so that patterns
/// written for ASCII see what a person sees: fullwidth forms (<c>１２３</c>), mathematical alphanumerics
/// (U+1D400–U+1D7FF: <c>𝟏𝟐𝟑</c>, <c>𝐃𝐞𝐛</c>), letter-like symbols (<c>ℎ</c>, <c>ℝ</c>), circled, parenthesised and
/// squared letters, regional indicators, every decimal digit of any script and other numbers (<c>①</c>, <c>Ⅻ</c>),
/// typographic quotes and dashes, and accented Latin letters. Format characters (zero-width space and joiners, word
/// joiner, soft hyphen, byte-order mark, bidi embeddings, overrides and isolates, tags) and combining marks are
/// removed; every kind of space, line break and control character becomes a space. Any other
/// non-ASCII symbol (emoji, private use, unassigned, lone surrogates) becomes a space; letters of other scripts stay.
/// </summary>
/// <remarks>
/// With invariant globalization (this project's setting) <see cref="string.Normalize(NormalizationForm)"/> returns
/// its input unchanged, NFKC included, so the folding is done here by code point.
/// </remarks>
public static class CompatibilityFolding
{
    /// <summary>The one non-ASCII character the output may hold besides letters: the ellipsis a cut text ends with.</summary>
    public const char Ellipsis = '\u2026';

    // Styled Latin alphabets of the Mathematical Alphanumeric Symbols block: 13 runs of A–Z a–z from U+1D400.
    private const int MathLatinStart = 0x1D400;
    private const int MathLatinEnd = 0x1D6A3;

    // Runs of 26 capital (or small) letters elsewhere: (first code point, first ASCII letter).
    private static readonly (int Start, char Base)[] LetterRuns =
    [
        (0x24B6, 'A'), (0x24D0, 'a'), // circled
        (0x249C, 'a'),                // parenthesised
        (0x1F130, 'A'), (0x1F150, 'A'), (0x1F170, 'A'), // squared, negative circled, negative squared
        (0x1F1E6, 'A'),               // regional indicators
    ];

    // The styled letters that live in the Letterlike Symbols block (their places in the math block are holes).
    private static readonly Dictionary<int, char> LetterlikeSymbols = new()
    {
        [0x2102] = 'C', [0x210A] = 'g', [0x210B] = 'H', [0x210C] = 'H', [0x210D] = 'H', [0x210E] = 'h', [0x210F] = 'h',
        [0x2110] = 'I', [0x2111] = 'I', [0x2112] = 'L', [0x2113] = 'l', [0x2115] = 'N', [0x2119] = 'P', [0x211A] = 'Q',
        [0x211B] = 'R', [0x211C] = 'R', [0x211D] = 'R', [0x2124] = 'Z', [0x2128] = 'Z', [0x212A] = 'K', [0x212B] = 'A',
        [0x212C] = 'B', [0x212D] = 'C', [0x212F] = 'e', [0x2130] = 'E', [0x2131] = 'F', [0x2133] = 'M', [0x2134] = 'o',
        [0x2139] = 'i', [0x2145] = 'D', [0x2146] = 'd', [0x2147] = 'e', [0x2148] = 'i', [0x2149] = 'j',
    };

    /// <summary>Folds <paramref name="text"/> as the type's summary says. Linear in the length of the text.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            Append(builder, rune);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        if (rune.IsAscii)
        {
            builder.Append(char.IsControl((char)value) ? ' ' : (char)value);
            return;
        }
        if (value is >= 0xFF01 and <= 0xFF5E)
        {
            // Fullwidth ASCII sits at a fixed offset from ASCII.
            builder.Append((char)(value - 0xFEE0));
            return;
        }
        if (value is >= MathLatinStart and <= MathLatinEnd)
        {
            var index = (value - MathLatinStart) % 52;
            builder.Append(index < 26 ? (char)('A' + index) : (char)('a' + index - 26));
            return;
        }
        if (value is 0x1D6A4 or 0x1D6A5)
        {
            builder.Append(value == 0x1D6A4 ? 'i' : 'j');
            return;
        }
        if ((LetterlikeSymbols.TryGetValue(value, out var symbol) ? symbol : RunLetter(value)) is { } letter)
        {
            builder.Append(letter);
            return;
        }
        if (value == Ellipsis)
        {
            builder.Append(Ellipsis);
            return;
        }
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark:
                return;
            case UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                AppendNumber(builder, Rune.GetNumericValue(rune));
                return;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark:
                AppendLetter(builder, rune);
                return;
            default:
                builder.Append(Typographic(value));
                return;
        }
    }

    private static char? RunLetter(int value)
    {
        foreach (var (start, first) in LetterRuns)
        {
            if (value >= start && value < start + 26)
                return (char)(first + value - start);
        }
        return null;
    }

    private static void AppendLetter(StringBuilder builder, Rune rune)
    {
        if (rune.Value is >= 0x00C0 and <= 0x017F && TextNormalizer.LatinBase((char)rune.Value) is { } plain)
            builder.Append(plain);
        else
            builder.Append(rune.ToString());
    }

    // Any number becomes digits: a whole value as itself ("Ⅻ" is 12), anything else (½, −1 for "not a number") as 0,
    // since what matters is that a number stays a number.
    private static void AppendNumber(StringBuilder builder, double value) =>
        builder.Append(value >= 0 && value == Math.Floor(value) && value < 1e9
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : "0");

    private static char Typographic(int value) => value switch
    {
        0x2018 or 0x2019 or 0x201A or 0x201B or 0x2032 or 0x02BC or 0x00B4 => '\'',
        0x201C or 0x201D or 0x201E or 0x201F or 0x2033 or 0x00AB or 0x00BB => '"',
        >= 0x2010 and <= 0x2015 or 0x2212 or 0xFE63 => '-',
        0x2024 or 0xFE52 => '.',
        0xFE6B => '@',
        _ => ' ',
    };
}
