namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// A message as the sentence model read it once: its pieces (the whole message first, then its clauses when it has
/// several) and their vectors. Danger reading produces it; FAQ matching reuses it, so a message costs one encoding.
/// </summary>
public sealed record SentenceReading(IReadOnlyList<string> Pieces, IReadOnlyList<float[]> Vectors)
{
    /// <summary>Nothing was read: the message is empty, or in a script the model does not read.</summary>
    public static readonly SentenceReading None = new([], []);

    /// <summary>The vector of the whole message, or null when nothing was read.</summary>
    public float[]? Whole => Vectors.Count > 0 ? Vectors[0] : null;

    /// <summary>The vector of the piece whose text is <paramref name="piece"/> (normalised words), if it was read.</summary>
    public float[]? Of(string piece)
    {
        for (var i = 0; i < Pieces.Count; i++)
        {
            if (string.Equals(Pieces[i], piece, StringComparison.Ordinal))
                return Vectors[i];
        }
        return null;
    }
}
