namespace ProSpine.FaqBot.Core.Content;

/// <summary>How much danger a message shows, from none to the most urgent. Ordered: a higher value wins.</summary>
public enum DangerLevel
{
    /// <summary>No danger: a question, a personal matter for the clinic, small talk.</summary>
    Calm,
    /// <summary>A pump or wound problem for the care team today.</summary>
    Urgent,
    /// <summary>Call 911.</summary>
    Emergency,
    /// <summary>Thoughts of suicide or self-harm: 988.</summary>
    Crisis,
}

/// <summary>One curated example message of <c>faq/danger.yaml</c>, with where it is written (file:line).</summary>
public sealed record DangerExemplar(string Text, DangerLevel Level, string Source);

/// <summary>
/// The examples the danger classifier learns from: messages that are crises, emergencies or urgent, and calm ones,
/// many of them "hard negatives" that use danger's words without danger ("what happens in an overdose?").
/// </summary>
public sealed record DangerExemplars(IReadOnlyList<DangerExemplar> Items)
{
    public static readonly DangerExemplars None = new([]);
}
