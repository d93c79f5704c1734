using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>What the bot records for the staff reports, bound from the <c>Insights</c> section.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>The off switch: when false nothing is recorded and no database file is created.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The SQLite file; a relative path is taken from the content root (the repository root).</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/insights.db";

    /// <summary>Records older than this many days are deleted (checked at start-up and daily).</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 30;
}
