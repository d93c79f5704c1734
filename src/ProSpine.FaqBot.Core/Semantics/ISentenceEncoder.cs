namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// Turns sentences into vectors whose dot product measures closeness of meaning. Implementations return unit-length
/// vectors, one per text, in order, and are safe to call from many threads at once.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>Names the model and its weights: vectors kept under another name are not reused.</summary>
    string Model { get; }

    float[][] Encode(IReadOnlyList<string> texts);
}
