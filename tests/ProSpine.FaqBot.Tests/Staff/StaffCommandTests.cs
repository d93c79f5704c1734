using ProSpine.FaqBot.Core.Staff;

namespace ProSpine.FaqBot.Tests.Staff;

public sealed class StaffCommandTests
{
    [Theory]
    [InlineData("help", StaffCommandKind.Help, null, null)]
    [InlineData(" Help! ", StaffCommandKind.Help, null, null)]
    [InlineData("lookup how long does a pump last", StaffCommandKind.Lookup, "how long does a pump last", null)]
    [InlineData("LOOKUP", StaffCommandKind.Lookup, null, null)]
    [InlineData("unanswered", StaffCommandKind.Unanswered, null, null)]
    [InlineData("unanswered 14", StaffCommandKind.Unanswered, null, 14)]
    [InlineData("feedback 3", StaffCommandKind.Feedback, null, 3)]
    [InlineData("/feedback", StaffCommandKind.Feedback, null, null)]
    public void The_exact_command_forms_are_commands(string text, StaffCommandKind kind, string? question, int? days)
    {
        Assert.Equal(new StaffCommand(kind, question, days), StaffCommand.Parse(text));
    }

    [Theory]
    [InlineData("help me with my pump")]
    [InlineData("feedback is great")]
    [InlineData("unanswered questions")]
    [InlineData("how long does a pump last")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_not_a_command(string? text) => Assert.Null(StaffCommand.Parse(text));

    [Theory]
    [InlineData("unanswered", 30, 7)]
    [InlineData("unanswered", 5, 5)]
    [InlineData("feedback 30", 30, 30)]
    [InlineData("feedback 31", 30, null)]
    [InlineData("feedback 0", 30, null)]
    [InlineData("feedback 99999999999", 30, null)]
    public void A_report_covers_the_days_asked_for_up_to_the_retention_period(string text, int retention, int? expected) =>
        Assert.Equal(expected, StaffCommand.Parse(text)!.PeriodDays(retention));
}
