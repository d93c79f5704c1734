namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// Text that has been through <see cref="Redactor.Redact"/>: only words the redactor's vocabulary keeps, ASCII
/// punctuation and placeholders (<see cref="Redaction"/>), no digit, single-spaced, at most
/// <see cref="Redaction.MaxLength"/> characters. The only way to make one is to redact, so a store that accepts only
/// this type cannot be handed a raw message.
/// </summary>
public sealed record RedactedText
{
    internal RedactedText(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>The placeholders a <see cref="Redactor"/> writes in place of what it removes, and the length it keeps.</summary>
public static class Redaction
{
    public const int MaxLength = 200;

    /// <summary>Any number or word with a digit in it (phone, date, record or card number, "5mg"), or numbers in words.</summary>
    public const string Number = "[number]";
    public const string Email = "[email]";
    public const string Link = "[link]";

    /// <summary>A person: a Teams mention, a social handle, a name after a title, "my name is", "my wife".</summary>
    public const string Person = "[person]";

    /// <summary>A proper name of a person or place, found by its capital letter or a list of proper nouns.</summary>
    public const string Name = "[name]";

    /// <summary>A word neither the English list nor the FAQ knows.</summary>
    public const string Word = "[word]";
    public const string Date = "[date]";
    public const string Address = "[address]";

    /// <summary>What follows "password", "pin", "username", "member id".</summary>
    public const string Secret = "[secret]";

    public static IReadOnlyList<string> Placeholders { get; } = [Number, Email, Link, Person, Name, Word, Date, Address, Secret];
}
