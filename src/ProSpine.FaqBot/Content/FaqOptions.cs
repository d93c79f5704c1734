using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Content;

/// <summary>Where the FAQ lives, bound from the <c>Faq</c> section.</summary>
public sealed class FaqOptions
{
    public const string Section = "Faq";

    /// <summary>The <c>faq/</c> folder; relative paths are taken from the content root.</summary>
    [Required]
    public string Path { get; set; } = "faq";

    /// <summary>Reload the FAQ when a file in it changes.</summary>
    public bool WatchForChanges { get; set; } = true;
}
