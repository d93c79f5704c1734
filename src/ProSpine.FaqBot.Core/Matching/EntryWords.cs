using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Which entry a message asks, read from its words: a softmax regression over which matching terms (typos corrected,
/// stemmed, patients' words replaced by the FAQ's) and which pairs of neighbouring terms the message holds, learned at
/// load from the same questions as <see cref="EntryClassifier"/>, with the questions the FAQ does not answer as one
/// more class. The sentence model reads a message by its topic and reads typos and rare words poorly ("can sombody
/// tell me what a pian pump is"); the terms are what the words matcher reads, and the regression learned which of
/// them tell the entries apart from each other and from their near misses. A second opinion beside the entries' regression by meaning, never a judge alone: with it, it answers
/// where the rules do not, and doubts their answer (<see cref="HybridMatcher"/>). Immutable and thread-safe.
/// </summary>
public sealed class EntryWords
{
    // Full-batch gradient descent with momentum from zero weights, the examples summed in order: the same examples
    // always give the same weights.
    private const int Steps = 300;
    private const double LearningRate = 4.0;
    private const double Momentum = 0.9;
    private const double L2 = 1e-5;

    // Part of every training key: change it whenever the learning or the features change.
    private static readonly string TrainingVersion = FormattableString.Invariant($"entry terms and pairs, {Steps} steps, rate {LearningRate}, momentum {Momentum}, L2 {L2}");

    // The weights are kept as rows of this many, all classes one after the other (the vector file holds rows of at most
    // 4,096 values).
    private const int RowLength = 1024;

    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly Dictionary<string, int> index;
    /// <summary>Per class (each entry, then "not answered"), a weight per feature, then the class's bias.</summary>
    private readonly float[][] weights;

    private EntryWords(IReadOnlyList<FaqEntry> entries, Dictionary<string, int> index, float[][] weights)
    {
        this.entries = entries;
        this.index = index;
        this.weights = weights;
    }

    /// <summary>
    /// Learns <paramref name="examples"/>: each question's terms, and the index of its entry in
    /// <paramref name="entries"/>, or -1 for a question the FAQ does not answer. <paramref name="kept"/> returns weights
    /// kept under a key naming exactly these examples, or computes and keeps them.
    /// </summary>
    public static EntryWords Learn(IReadOnlyList<FaqEntry> entries, IReadOnlyList<(IReadOnlyList<string> Terms, int Entry)> examples,
        Func<string, Func<float[][]>, float[][]> kept)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(kept);
        var (index, features) = Indexed(examples);
        var classes = examples.Select(e => e.Entry < 0 ? entries.Count : e.Entry).ToArray();
        var classCount = entries.Count + 1;
        var rows = kept(TrainingKey(examples), () => [.. LearnWeights(features, classes, classCount, index.Count).SelectMany(w => w).Chunk(RowLength)]);
        var flat = rows.SelectMany(row => row).ToArray();
        if (flat.Length != classCount * (index.Count + 1))
            throw new ArgumentException("The kept weights were not learned from these examples.", nameof(kept));
        return new EntryWords(entries, index, [.. flat.Chunk(index.Count + 1)]);
    }

    /// <summary>The likeliest entry for a message's <paramref name="terms"/>, or none (a question the FAQ does not answer).</summary>
    public EntryGuess Likeliest(IReadOnlyList<string> terms)
    {
        var probabilities = Probabilities(terms);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
                best = k;
        }
        return new EntryGuess(best < entries.Count ? entries[best] : null, (float)probabilities[best]);
    }

    /// <summary>Each entry's probability for a message's <paramref name="terms"/>, in the order of the entries, then "not answered".</summary>
    public double[] Probabilities(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var features = WordsAndPairs.Of(terms).Select(f => index.GetValueOrDefault(f, -1)).Where(f => f >= 0).ToArray();
        var probabilities = new double[weights.Length];
        Softmax(weights, features, probabilities);
        return probabilities;
    }

    private static string TrainingKey(IReadOnlyList<(IReadOnlyList<string> Terms, int Entry)> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(TrainingVersion));
        foreach (var (terms, entry) in examples)
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry}\t{string.Join(' ', terms)}\n"));
        return $"entry-words/{Convert.ToHexString(hash.GetHashAndReset())}";
    }

    private static float[][] LearnWeights(int[][] features, int[] classes, int classCount, int featureCount)
    {
        var w = new double[classCount][];
        var velocity = new double[classCount][];
        var gradient = new double[classCount][];
        for (var k = 0; k < classCount; k++)
        {
            w[k] = new double[featureCount + 1];
            velocity[k] = new double[featureCount + 1];
            gradient[k] = new double[featureCount + 1];
        }
        var n = (double)features.Length;
        var z = new double[classCount];
        for (var step = 0; step < Steps && features.Length > 0; step++)
        {
            foreach (var g in gradient)
                Array.Clear(g);
            for (var i = 0; i < features.Length; i++)
            {
                Softmax(w, features[i], z);
                for (var k = 0; k < classCount; k++)
                {
                    var error = z[k] - (classes[i] == k ? 1 : 0);
                    foreach (var f in features[i])
                        gradient[k][f] += error;
                    gradient[k][featureCount] += error;
                }
            }
            for (var k = 0; k < classCount; k++)
            {
                for (var f = 0; f <= featureCount; f++)
                {
                    // The bias (last) is not shrunk.
                    var shrink = f < featureCount ? L2 * w[k][f] : 0;
                    velocity[k][f] = Momentum * velocity[k][f] + gradient[k][f] / n + shrink;
                    w[k][f] -= LearningRate * velocity[k][f];
                }
            }
        }
        return [.. w.Select(row => row.Select(x => (float)x).ToArray())];
    }

    /// <summary>The probability of each class, into <paramref name="z"/>, for an example of these features.</summary>
    private static void Softmax<T>(T[][] w, int[] features, double[] z)
        where T : INumberBase<T>
    {
        var bias = w[0].Length - 1;
        for (var k = 0; k < w.Length; k++)
        {
            z[k] = double.CreateTruncating(w[k][bias]);
            foreach (var f in features)
                z[k] += double.CreateTruncating(w[k][f]);
        }
        Normalize(z);
    }

    private static void Normalize(double[] z)
    {
        var max = z.Max();
        var sum = 0.0;
        for (var k = 0; k < z.Length; k++)
            sum += z[k] = Math.Exp(z[k] - max);
        for (var k = 0; k < z.Length; k++)
            z[k] /= sum;
    }

    /// <summary>Each feature of the examples numbered in order of first appearance, and each example's features by number.</summary>
    private static (Dictionary<string, int> Index, int[][] Features) Indexed(IReadOnlyList<(IReadOnlyList<string> Terms, int Entry)> examples)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = examples.Select(e => WordsAndPairs.Of(e.Terms).Select(f => index.TryAdd(f, index.Count) ? index.Count - 1 : index[f]).ToArray()).ToArray();
        return (index, features);
    }
}
