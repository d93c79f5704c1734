using System.Globalization;
using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.Core.Staff;

public enum StaffCommandKind
{
    /// <summary><c>help</c>: lists the commands.</summary>
    Help,
    /// <summary><c>lookup &lt;question&gt;</c>: how the bot would answer a question, with scores.</summary>
    Lookup,
    /// <summary><c>unanswered [days]</c>: questions the FAQ did not cover.</summary>
    Unanswered,
    /// <summary><c>feedback [days]</c>: votes per entry.</summary>
    Feedback,
}

/// <summary>
/// A staff command read from a message. Only the exact forms are commands: "help me with my pump" or "feedback is
/// great" stay ordinary questions, so a staff member can also try the bot as patients see it.
/// </summary>
/// <param name="Question">For <see cref="StaffCommandKind.Lookup"/>: the question, or null when none was given.</param>
/// <param name="Days">For the reports: the number of days asked for, or null for <see cref="DefaultDays"/>.</param>
public sealed partial record StaffCommand(StaffCommandKind Kind, string? Question = null, int? Days = null)
{
    public const int DefaultDays = 7;

    /// <summary>The command in <paramref name="text"/>, or null when the text is not one.</summary>
    public static StaffCommand? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (HelpPattern().IsMatch(trimmed))
            return new StaffCommand(StaffCommandKind.Help);
        if (LookupPattern().Match(trimmed) is { Success: true } lookup)
            return new StaffCommand(StaffCommandKind.Lookup, Question: lookup.Groups[1].Value.Trim() is { Length: > 0 } q ? q : null);
        if (ReportPattern().Match(trimmed) is not { Success: true } report)
            return null;
        var kind = report.Groups[1].Value.Equals("unanswered", StringComparison.OrdinalIgnoreCase)
            ? StaffCommandKind.Unanswered
            : StaffCommandKind.Feedback;
        int? days = null;
        if (report.Groups[2].Success)
            days = int.TryParse(report.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        return new StaffCommand(kind, Days: days);
    }

    /// <summary>The period of a report, or null when <see cref="Days"/> is outside 1 to <paramref name="maxDays"/>.</summary>
    public int? PeriodDays(int maxDays)
    {
        var days = Days ?? Math.Min(DefaultDays, maxDays);
        return days >= 1 && days <= maxDays ? days : null;
    }

    [GeneratedRegex(@"^/?help[.!?]?$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^/?lookup(?:\s+(.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LookupPattern();

    [GeneratedRegex(@"^/?(unanswered|feedback)(?:\s+([0-9]+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportPattern();
}
