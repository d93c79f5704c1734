using System.Globalization;
using System.Text;

namespace ProSpine.FaqBot.Core.Text;

/// <summary>
/// Turns free text into lower-case ASCII words: accents removed, contractions expanded ("can't" becomes "can not"),
/// possessive 's dropped, "%" read as "percent", every other punctuation mark a word break.
/// Safety phrases, FAQ phrasings and patients' questions all pass through this one function so they compare alike.
/// </summary>
public static class TextNormalizer
{
    private static readonly (string From, string To)[] Contractions =
    [
        ("can't", "can not"), ("cannot", "can not"), ("won't", "will not"), ("shan't", "shall not"),
        ("n't", " not"), ("'m", " am"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'d", " would"),
        ("let's", "let us"), ("it's", "it is"), ("that's", "that is"), ("what's", "what is"), ("where's", "where is"),
        ("who's", "who is"), ("how's", "how is"), ("there's", "there is"), ("he's", "he is"), ("she's", "she is"),
    ];

    // The same contractions typed without an apostrophe, as people often do in chat.
    private static readonly Dictionary<string, string[]> BareContractions = new(StringComparer.Ordinal)
    {
        ["cant"] = ["can", "not"], ["dont"] = ["do", "not"], ["doesnt"] = ["does", "not"], ["didnt"] = ["did", "not"],
        ["isnt"] = ["is", "not"], ["arent"] = ["are", "not"], ["wasnt"] = ["was", "not"], ["wont"] = ["will", "not"],
        ["wouldnt"] = ["would", "not"], ["couldnt"] = ["could", "not"], ["shouldnt"] = ["should", "not"],
        ["havent"] = ["have", "not"], ["hasnt"] = ["has", "not"], ["im"] = ["i", "am"], ["ive"] = ["i", "have"],
        ["whats"] = ["what", "is"], ["hows"] = ["how", "is"], ["wheres"] = ["where", "is"], ["thats"] = ["that", "is"],
        ["youre"] = ["you", "are"], ["theyre"] = ["they", "are"], ["wanna"] = ["want", "to"], ["gonna"] = ["going", "to"],
    };

    /// <summary>Whether <paramref name="word"/> is a contraction typed without its apostrophe ("dont", "im").</summary>
    public static bool IsBareContraction(string word) => BareContractions.ContainsKey(word);

    /// <summary>Normalises <paramref name="text"/> to words separated by single spaces.</summary>
    public static string Normalize(string? text) => string.Join(' ', Words(text));

    /// <summary>Splits <paramref name="text"/> into normalised words (see the type's summary).</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];

        var folded = FoldToAscii(text).ToLowerInvariant();
        foreach (var (from, to) in Contractions)
            folded = folded.Replace(from, to, StringComparison.Ordinal);
        folded = folded.Replace("'s ", " ", StringComparison.Ordinal).Replace("%", " percent ", StringComparison.Ordinal);

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(c);
            }
            else if (c == '\'')
            {
                // An apostrophe left after the contractions is part of the word: "o'clock", "patients'".
            }
            else if (current.Length > 0)
            {
                AddWord(words, current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            AddWord(words, current.ToString());
        if (words.Count > 0 && words[^1].EndsWith('s') && folded.TrimEnd().EndsWith("'s", StringComparison.Ordinal))
            words[^1] = words[^1][..^1];
        return words;
    }

    private static void AddWord(List<string> words, string word)
    {
        word = CollapseRepeats(word);
        if (BareContractions.TryGetValue(word, out var expanded))
            words.AddRange(expanded);
        else
            words.Add(word);
    }

    /// <summary>"hellooo" and "sooo" are emphasis, not other words: three or more of a letter become one.</summary>
    private static string CollapseRepeats(string word)
    {
        if (word.Length < 3)
            return word;
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
                run++;
            builder.Append(word[i], run >= 3 && char.IsAsciiLetter(word[i]) ? 1 : run);
            i += run - 1;
        }
        return builder.ToString();
    }

    /// <summary>Replaces typographic quotes and dashes by ASCII ones and strips accents ("español" becomes "espanol").</summary>
    public static string FoldToAscii(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // With invariant globalization (this project's setting) Normalize cannot decompose accented letters:
            // the common Latin ones are folded by table.
            if (c is >= '\u00C0' and <= '\u017F' && LatinBase(c) is { } plain)
            {
                builder.Append(plain);
                continue;
            }
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4':
                    builder.Append('\'');
                    break;
                case '\u201C' or '\u201D':
                    builder.Append('"');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014':
                    builder.Append('-');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    // Each letter of Latin-1 Supplement (from U+00C0) and Latin Extended-A, by code point, as plain ASCII; ' ' where
    // the letter has no plain form (×, ÷).
    private const string LatinBases =
        "AAAAAAACEEEEIIII" + "DNOOOOO OUUUUYTs" + "aaaaaaaceeeeiiii" + "dnooooo ouuuuyty" + // U+00C0–U+00FF
        "AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + "GgGgHhHhIiIiIiIi" + "IiJjJjKkkLlLlLlL" + // U+0100–U+013F
        "lLlNnNnNnnNnOoOo" + "OoOoRrRrRrSsSsSs" + "SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs";   // U+0140–U+017F

    /// <summary>The plain ASCII form of a Latin-1 or Latin Extended-A letter (U+00C0–U+017F), or null.</summary>
    internal static string? LatinBase(char c) => c switch
    {
        'Æ' => "AE",
        'æ' => "ae",
        'ß' => "ss",
        'Œ' => "OE",
        'œ' => "oe",
        _ => LatinBases[c - '\u00C0'] is var b and not ' ' ? b.ToString() : null,
    };
}
