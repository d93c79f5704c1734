namespace ProSpine.FaqBot.Core.Content;

/// <summary>
/// One message of <c>faq/asked.yaml</c>, worded as a patient typed it, under the entry that answers it
/// (<paramref name="EntryId"/>) or, when the page does not answer it, under <c>not-covered</c> (null); with where it is
/// written (file:line).
/// </summary>
public sealed record AskedQuestion(string Text, string? EntryId, string Source);

/// <summary>
/// Questions as patients ask them, each labelled with its entry or as not covered. Unlike an entry's phrasings they
/// carry people's own noise (stories, typos, chatter), so the words never match against them: only the meaning does,
/// as nearest neighbours of a message (<see cref="Matching.SemanticIndex"/>).
/// </summary>
public sealed record AskedQuestions(IReadOnlyList<AskedQuestion> Items)
{
    public static readonly AskedQuestions None = new([]);
}
