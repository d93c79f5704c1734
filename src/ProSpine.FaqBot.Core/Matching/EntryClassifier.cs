using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>The entry a message most likely asks by its meaning (null: a question the FAQ does not answer), and how likely.</summary>
public sealed record EntryGuess(FaqEntry? Entry, double Probability);

/// <summary>
/// Which entry a message asks, read by a regression over sentence vectors (<see cref="SoftmaxRegression"/>) that
/// learned every phrasing and every question patients asked of each entry, and every question the FAQ does not answer,
/// as one more class. The nearest phrasing tells how close a message is to one question; the regression learned which
/// directions of meaning tell the entries apart from each other and from their near misses ("how long does the pump
/// last" against "how long does the battery last"), so it also knows a paraphrase that is near no single question.
/// Immutable and thread-safe.
/// </summary>
public sealed class EntryClassifier
{
    // Chosen on the answer tuning sets (README, "The entries' regression"): more steps at a higher rate than the danger
    // regression's, as 25 classes of about 80 examples each (and one of a thousand) take longer to separate.
    private static readonly RegressionSettings Training = new(Steps: 300, LearningRate: 8f, L2: 1e-5f, Momentum: 0.95f);

    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly float[][] weights;

    private EntryClassifier(IReadOnlyList<FaqEntry> entries, float[][] weights)
    {
        this.entries = entries;
        this.weights = weights;
    }

    /// <summary>
    /// Learns <paramref name="vectors"/>, each of the entry at its index in <paramref name="entryOf"/>, or of no entry
    /// (-1, a question the FAQ does not answer). Each example counts alike. The weights are kept with the curated
    /// vectors (<see cref="CuratedEmbeddings.Derived"/>) under a key naming exactly these examples, so a start with an
    /// unchanged FAQ does not train again.
    /// </summary>
    public static EntryClassifier Train(IReadOnlyList<FaqEntry> entries, IReadOnlyList<float[]> vectors, IReadOnlyList<int> entryOf,
        CuratedEmbeddings embeddings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(entryOf);
        ArgumentNullException.ThrowIfNull(embeddings);
        // The last class is "not answered".
        var classes = entryOf.Select(e => e < 0 ? entries.Count : e).ToArray();
        var sampleWeight = Enumerable.Repeat(1f / vectors.Count, vectors.Count).ToArray();
        var key = SoftmaxRegression.TrainingKey("entry-regression", Training.ToString(), vectors, classes);
        return new EntryClassifier(entries,
            embeddings.Derived(key, () => SoftmaxRegression.Learn(vectors, classes, entries.Count + 1, sampleWeight, Training)));
    }

    /// <summary>Each entry's probability for <paramref name="vector"/>, in the order of the FAQ's entries, then "not answered".</summary>
    public float[] Probabilities(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var probabilities = new float[weights.Length];
        SoftmaxRegression.Probabilities(weights, vector, probabilities);
        return probabilities;
    }

    /// <summary>The likeliest entry for <paramref name="vector"/> (a message's unit sentence vector), or none.</summary>
    public EntryGuess Likeliest(float[] vector)
    {
        var probabilities = Probabilities(vector);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
                best = k;
        }
        return new EntryGuess(best < entries.Count ? entries[best] : null, probabilities[best]);
    }
}
