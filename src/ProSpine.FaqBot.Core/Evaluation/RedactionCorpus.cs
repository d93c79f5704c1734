using System.Globalization;
using System.Text;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Evaluation;

/// <summary>One row of a personal-data corpus: <c>id&lt;TAB&gt;message&lt;TAB&gt;personal</c>, where personal lists every
/// personal datum as an exact substring of the message, joined by <c> || </c> (empty when there is none).</summary>
public sealed record PersonalDataRow(string Id, string Message, IReadOnlyList<string> Personal);

/// <summary>A personal datum (or a word of one) still readable after redaction.</summary>
public sealed record RedactionLeak(string RowId, string Datum, string Survivor, string Redacted);

/// <summary>
/// How a <see cref="Redactor"/> did on a corpus: what personal data survived, and how many of the other words it
/// masked (what staff lose). See <see cref="RedactionCorpus.Evaluate(Func{string, string}, IEnumerable{PersonalDataRow})"/> for the rules.
/// </summary>
public sealed record RedactionReport(
    int Rows,
    int RowsWithoutPersonalData,
    int Data,
    IReadOnlyList<RedactionLeak> Leaks,
    (int Masked, int Total) Words,
    (int Masked, int Total) WordsInRowsWithoutPersonalData,
    (int Masked, int Total) Numbers,
    IReadOnlyDictionary<string, int> MaskedWords)
{
    public string Format(int maxMaskedWords = 40)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"rows {Rows} ({RowsWithoutPersonalData} without personal data), personal data {Data}"));
        text.AppendLine(Invariant($"leaks: {Leaks.Count}"));
        foreach (var leak in Leaks)
            text.AppendLine(Invariant($"  LEAK {leak.RowId}: \"{leak.Survivor}\" of \"{leak.Datum}\" in: {leak.Redacted}"));
        text.AppendLine(Invariant($"words outside personal data masked: {Share(Words)}"));
        text.AppendLine(Invariant($"  in rows without personal data: {Share(WordsInRowsWithoutPersonalData)}"));
        text.AppendLine(Invariant($"numbers outside personal data masked (always, by design): {Share(Numbers)}"));
        text.AppendLine("most often masked: " + string.Join(", ",
            MaskedWords.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(maxMaskedWords).Select(w => Invariant($"{w.Key} {w.Value}"))));
        return text.ToString();
    }

    private static string Share((int Masked, int Total) count) =>
        Invariant($"{count.Masked}/{count.Total} ({(count.Total == 0 ? 0 : 100.0 * count.Masked / count.Total):F1}%)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

public static class RedactionCorpus
{
    public const string Separator = " || ";

    // Short glue words inside a datum ("the ninth of august", "dkrueger[at]tds[dot]net") say nothing about anyone.
    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal) { "the", "and", "dot", "for" };

    /// <summary>Reads a corpus file (a header line first).</summary>
    public static IReadOnlyList<PersonalDataRow> Load(string path)
    {
        var rows = new List<PersonalDataRow>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8).Skip(1))
        {
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length < 2)
                throw new FormatException($"{path}: a row needs an id and a message: {fields[0]}");
            var personal = fields.Length > 2 && fields[2].Length > 0 ? fields[2].Split(Separator) : [];
            rows.Add(new PersonalDataRow(fields[0], fields[1], personal));
        }
        return rows;
    }

    /// <summary>Redacts every row with <paramref name="redactor"/> and checks it (see the other overload).</summary>
    public static RedactionReport Evaluate(Redactor redactor, IEnumerable<PersonalDataRow> rows)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        return Evaluate(text => redactor.Redact(text).Value, rows);
    }

    /// <summary>
    /// Redacts every row with <paramref name="redact"/> and checks it. A datum leaks when, with the text folded and compared in lower case,
    /// <list type="bullet">
    /// <item>the whole datum occurs in the redacted text more often than in the rest of the message, or</item>
    /// <item>any word of it does: every word of a datum counts, common words included ("Rose", "Oak", "fond"), except
    /// words of one or two letters and the glue words "the", "and", "dot" and "for".</item>
    /// </list>
    /// "The rest of the message" is the message with every datum blanked out, so "Bill here. got the bill" may keep
    /// one "bill" and not two. The redacted text must also hold no digit. Over-masking counts the words (and numbers)
    /// of the rest of the message that are missing from the redacted text.
    /// </summary>
    public static RedactionReport Evaluate(Func<string, string> redact, IEnumerable<PersonalDataRow> rows)
    {
        ArgumentNullException.ThrowIfNull(redact);
        ArgumentNullException.ThrowIfNull(rows);
        var leaks = new List<RedactionLeak>();
        var masked = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = 0, clean = 0, data = 0, wordsMasked = 0, words = 0, cleanMasked = 0, cleanWords = 0, numbersMasked = 0, numbers = 0;
        foreach (var row in rows)
        {
            count++;
            data += row.Personal.Count;
            var redacted = redact(row.Message);
            var output = Words(redacted);
            var rest = row.Message;
            foreach (var datum in row.Personal)
                rest = rest.Replace(datum, " ", StringComparison.Ordinal);
            var restWords = Words(rest);

            if (redacted.Any(char.IsDigit))
                leaks.Add(new RedactionLeak(row.Id, "(any digit)", new string(redacted.Where(char.IsDigit).ToArray()), redacted));
            foreach (var datum in row.Personal)
            {
                var whole = string.Join(' ', Words(datum));
                if (whole.Length > 0 && Occurrences(string.Join(' ', output), whole) > Occurrences(string.Join(' ', restWords), whole))
                    leaks.Add(new RedactionLeak(row.Id, datum, whole, redacted));
                foreach (var word in Words(datum).Distinct().Where(IsTelling))
                {
                    if (output.Count(w => w == word) > restWords.Count(w => w == word))
                        leaks.Add(new RedactionLeak(row.Id, datum, word, redacted));
                }
            }

            var kept = output.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var group in restWords.GroupBy(w => w))
            {
                var lost = Math.Max(0, group.Count() - kept.GetValueOrDefault(group.Key));
                if (group.Key.Any(char.IsDigit))
                {
                    numbers += group.Count();
                    numbersMasked += lost;
                    continue;
                }
                words += group.Count();
                wordsMasked += lost;
                if (row.Personal.Count == 0)
                {
                    cleanWords += group.Count();
                    cleanMasked += lost;
                }
                if (lost > 0)
                    masked[group.Key] = masked.GetValueOrDefault(group.Key) + lost;
            }
            if (row.Personal.Count == 0)
                clean++;
        }
        return new RedactionReport(count, clean, data, leaks, (wordsMasked, words), (cleanMasked, cleanWords), (numbersMasked, numbers), masked);
    }

    private static bool IsTelling(string word) => word.Any(char.IsDigit) || (word.Length > 2 && !Glue.Contains(word));

    /// <summary>The words of <paramref name="text"/> as a reader sees them: folded, lower case, split at anything but
    /// letters and digits (so "Okafor's" holds "okafor"); placeholders left out.</summary>
    private static List<string> Words(string text)
    {
        var folded = CompatibilityFolding.Fold(text).ToLowerInvariant();
        foreach (var placeholder in Redaction.Placeholders)
            folded = folded.Replace(placeholder, " ", StringComparison.Ordinal);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || text[at - 1] == ' ';
            var endsWord = at + phrase.Length == text.Length || text[at + phrase.Length] == ' ';
            if (startsWord && endsWord)
                count++;
        }
        return count;
    }
}
