namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// A deliberately small suffix stripper: it only has to map the forms patients type ("implanted", "implanting",
/// "implants", "implantation") to one key, the same way for questions and for FAQ phrasings.
/// </summary>
internal static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1]))
            return word;
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
            w = w[..^3] + "y";
        else if (w.EndsWith("sses", StringComparison.Ordinal))
            w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            w = w[..^1];

        if (w.EndsWith("ation", StringComparison.Ordinal) && w.Length >= 9)
            w = w[..^5];
        else if (w.EndsWith("ment", StringComparison.Ordinal) && w.Length >= 8)
            w = w[..^4];
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length >= 6)
            w = Undouble(w[..^3]);
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length >= 5)
            w = Undouble(w[..^2]);

        if (w.EndsWith('e') && w.Length >= 5)
            w = w[..^1];
        return w;
    }

    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
