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

/// <summary>
/// One example message of <c>faq/danger.yaml</c> or <c>faq/danger-written.yaml</c>, with where it is written
/// (file:line).
/// </summary>
public sealed record DangerExemplar(string Text, DangerLevel Level, string Source);

/// <summary>
/// The examples the danger classifier learns from: messages that are crises, emergencies or urgent, and calm ones,
/// many of them "hard negatives" that use danger's words without danger ("what happens in an overdose?").
/// </summary>
/// <param name="Curated">Written by curators (<c>danger.yaml</c>).</param>
/// <param name="Written">Messages as people wrote them in sets written blind (<c>danger-written.yaml</c>): the calm
/// ones are learned like the curated ones, the crises and emergencies are nearest examples only (see
/// <c>DangerReader</c>); being people's own words, none is taken into the redaction vocabulary.</param>
public sealed record DangerExemplars(IReadOnlyList<DangerExemplar> Curated, IReadOnlyList<DangerExemplar> Written)
{
    public static readonly DangerExemplars None = new([], []);

    /// <summary>Every example, curated first.</summary>
    public IReadOnlyList<DangerExemplar> Items { get; } = [.. Curated, .. Written];
}
