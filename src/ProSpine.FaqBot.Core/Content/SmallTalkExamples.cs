namespace ProSpine.FaqBot.Core.Content;

/// <summary>One message of <c>faq/small-talk.yaml</c>, under the kind of small talk whose reply fits it, with where it is
/// written (file:line).</summary>
public sealed record SmallTalkExample(string Text, string Kind, string Source);

/// <summary>
/// Messages that only make small talk, worded as people write them ("brr, it's ten below in Oshkosh, stay warm"), each
/// under one of <c>safety.yaml</c>'s kinds of small talk. Those phrases recognise small talk by its words; these by its
/// meaning, for a message the FAQ does not answer (<see cref="Matching.SmallTalkByMeaning"/>).
/// </summary>
public sealed record SmallTalkExamples(IReadOnlyList<SmallTalkExample> Items)
{
    public static readonly SmallTalkExamples None = new([]);
}
