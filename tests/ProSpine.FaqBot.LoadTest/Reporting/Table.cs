using System.Globalization;
using System.Text;

namespace ProSpine.FaqBot.LoadTest.Reporting;

/// <summary>A plain-text table with right-aligned columns (but the first), as printed in the README.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public Table Add(params object[] cells)
    {
        rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            text.AppendJoin("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])));
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Format(object cell) => cell switch
    {
        double d when double.IsNaN(d) => "-",
        double d => d.ToString("N1", CultureInfo.InvariantCulture),
        int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", cell),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
