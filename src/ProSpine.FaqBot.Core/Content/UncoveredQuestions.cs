namespace ProSpine.FaqBot.Core.Content;

/// <summary>One curated question of <c>faq/not-covered.yaml</c>, under its topic, with where it is written (file:line).</summary>
public sealed record UncoveredQuestion(string Text, string Topic, string Source);

/// <summary>
/// Questions patients ask near the FAQ that the clinic's page does not answer ("how long does the battery last", "what
/// is CRPS"). Sentence vectors put them close to the entry they resemble, so the matcher uses them as a boundary: a
/// message nearer in meaning to one of these than to its entry is not answered with that entry.
/// </summary>
public sealed record UncoveredQuestions(IReadOnlyList<UncoveredQuestion> Items)
{
    public static readonly UncoveredQuestions None = new([]);
}
