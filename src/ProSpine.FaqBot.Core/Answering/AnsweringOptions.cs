using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Core.Answering;

/// <summary>Limits on what the bot reads, bound from the <c>Answering</c> section of <c>appsettings.json</c>.</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Longer messages are not matched: the person is asked to shorten them.</summary>
    [Range(20, 100_000)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>The clinic's phone in E.164 form, for call buttons.</summary>
    [Required, RegularExpression(@"^\+[1-9][0-9]{6,14}$")]
    public string ClinicPhone { get; set; } = "+12622977246";
}
