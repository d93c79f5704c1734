using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// From a sentence vector to the probability of each <see cref="DangerLevel"/>: the mean of two views of the examples.
/// <list type="bullet">
/// <item>A multinomial logistic regression, which learns which directions of meaning separate the levels. Trained by
/// gradient descent from zero weights, in a fixed order, with a fixed number of steps: the same examples always give
/// the same weights, so the same message always gets the same route.</item>
/// <item>The nearest examples: for each level, how close the message is to its closest few examples. This keeps a
/// message that is almost word for word a curated example (a calm idiom, a crisis phrase) with its example, where the
/// regression can be swayed by one strong word.</item>
/// </list>
/// </summary>
public sealed class DangerClassifier
{
    private static readonly int LevelCount = Enum.GetValues<DangerLevel>().Length;

    // How many nearest examples of each level are averaged, and how sharply their closeness turns into probability
    // (a softmax temperature on cosine similarity). Measured on the tuning set (docs in README, "How it works").
    private const int Neighbours = 5;
    private const float Temperature = 0.05f;

    // One row per level: the weights of each dimension, then the bias.
    private readonly float[][] weights;
    private readonly float[][][] examplesByLevel;

    private DangerClassifier(float[][] weights, float[][][] examplesByLevel)
    {
        this.weights = weights;
        this.examplesByLevel = examplesByLevel;
    }

    /// <param name="vectors">Unit-length sentence vectors, all of one size.</param>
    /// <param name="levels">The level of each vector.</param>
    /// <param name="neighboursOnly">Examples for the nearest-examples view alone, not learned by the regression.</param>
    public static DangerClassifier Train(IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels, int steps = 400,
        float learningRate = 4f, float l2 = 1e-5f, float momentum = 0.9f,
        IReadOnlyList<(float[] Vector, DangerLevel Level)>? neighboursOnly = null) =>
        With(LearnWeights(vectors, levels, steps, learningRate, l2, momentum), vectors, levels, neighboursOnly);

    /// <summary>
    /// A classifier from weights <see cref="LearnWeights"/> gave for these same examples (kept from an earlier start,
    /// see <see cref="TrainingKey"/>): the regression is then not trained again.
    /// </summary>
    public static DangerClassifier With(float[][] weights, IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels,
        IReadOnlyList<(float[] Vector, DangerLevel Level)>? neighboursOnly = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(levels);
        if (weights.Length != LevelCount || vectors.Count == 0 || weights.Any(row => row.Length != vectors[0].Length + 1))
            throw new ArgumentException("one row per level, of the vectors' size and a bias", nameof(weights));
        var byLevel = Enumerable.Range(0, LevelCount)
            .Select(k => vectors.Where((_, i) => (int)levels[i] == k)
                .Concat((neighboursOnly ?? []).Where(n => (int)n.Level == k).Select(n => n.Vector)).ToArray())
            .ToArray();
        return new DangerClassifier(weights, byLevel);
    }

    /// <summary>
    /// Names what <see cref="LearnWeights"/> learns from, with its default settings: the same examples in the same
    /// order always give the same key, and the same weights. A changed example, level or setting gives another key.
    /// </summary>
    public static string TrainingKey(IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(levels);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(TrainingVersion));
        for (var i = 0; i < vectors.Count; i++)
        {
            hash.AppendData(MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            hash.AppendData([(byte)levels[i]]);
        }
        return "danger-regression/" + Convert.ToHexString(hash.GetHashAndReset());
    }

    // Part of every training key: change it whenever LearnWeights or its default settings change, so weights kept by
    // an older version are not reused.
    private const string TrainingVersion = "steps 400, rate 4, l2 1e-5, momentum 0.9, calm half";

    /// <summary>
    /// The regression's weights (one row per level: each dimension, then the bias), by full-batch gradient descent
    /// from zero in a fixed order: the same examples always give the same weights.
    /// </summary>
    /// <remarks>
    /// Calm examples weigh as much in total as all the danger examples together, and the danger levels share their
    /// half equally, however many examples each has: the calm side holds every FAQ phrasing and would otherwise drown
    /// the rarer crises, while danger weighted above calm would raise alarms at "good morning".
    /// </remarks>
    public static float[][] LearnWeights(IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels, int steps = 400,
        float learningRate = 4f, float l2 = 1e-5f, float momentum = 0.9f)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(levels);
        if (vectors.Count == 0 || vectors.Count != levels.Count)
            throw new ArgumentException("one level per vector, and at least one vector", nameof(levels));
        var dimensions = vectors[0].Length;
        var counts = new int[LevelCount];
        foreach (var level in levels)
            counts[(int)level]++;
        var dangerLevels = counts.Skip(1).Count(c => c > 0);
        var sampleWeight = levels.Select(l => l == DangerLevel.Calm
            ? 0.5f / counts[0]
            : 0.5f / (counts[(int)l] * dangerLevels)).ToArray();

        var w = Enumerable.Range(0, LevelCount).Select(_ => new float[dimensions + 1]).ToArray();
        var gradient = Enumerable.Range(0, LevelCount).Select(_ => new float[dimensions + 1]).ToArray();
        // Heavy-ball momentum: the same fit as plain gradient descent in a fifth of the steps, so start-up stays short.
        var velocity = Enumerable.Range(0, LevelCount).Select(_ => new float[dimensions + 1]).ToArray();
        var probabilities = new float[LevelCount];
        for (var step = 0; step < steps; step++)
        {
            foreach (var row in gradient)
                Array.Clear(row);
            for (var i = 0; i < vectors.Count; i++)
            {
                Softmax(w, vectors[i], probabilities);
                for (var k = 0; k < LevelCount; k++)
                {
                    var error = (probabilities[k] - ((int)levels[i] == k ? 1f : 0f)) * sampleWeight[i];
                    AddScaled(gradient[k], vectors[i], error);
                    gradient[k][dimensions] += error;
                }
            }
            for (var k = 0; k < LevelCount; k++)
            {
                for (var d = 0; d <= dimensions; d++)
                {
                    var decay = d < dimensions ? l2 * w[k][d] : 0f;
                    velocity[k][d] = momentum * velocity[k][d] + gradient[k][d] + decay;
                    w[k][d] -= learningRate * velocity[k][d];
                }
            }
        }
        return w;
    }

    /// <summary>The probability of each level, indexed by <see cref="DangerLevel"/>.</summary>
    public float[] Probabilities(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var regression = new float[LevelCount];
        Softmax(weights, vector, regression);
        var nearest = Softmax(Closeness(vector));
        return [.. regression.Zip(nearest, (a, b) => (a + b) / 2)];
    }

    /// <summary>
    /// For each level, the mean cosine similarity of <paramref name="vector"/> to that level's
    /// <see cref="Neighbours"/> closest examples: how much the message resembles what the level's examples say.
    /// </summary>
    public float[] Closeness(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var closeness = new float[LevelCount];
        var best = new float[Neighbours];
        for (var k = 0; k < LevelCount; k++)
        {
            var examples = examplesByLevel[k];
            if (examples.Length == 0)
            {
                closeness[k] = float.NegativeInfinity;
                continue;
            }
            Array.Fill(best, float.NegativeInfinity);
            foreach (var example in examples)
            {
                var similarity = SentenceVectors.Dot(example, vector);
                if (similarity <= best[^1])
                    continue;
                // Keep the few best in descending order: insertion into a tiny array.
                var at = best.Length - 1;
                while (at > 0 && best[at - 1] < similarity)
                {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = similarity;
            }
            var taken = Math.Min(Neighbours, examples.Length);
            closeness[k] = best.Take(taken).Sum() / taken;
        }
        return closeness;
    }

    /// <summary>Closeness turned into probabilities: a softmax with a low temperature, as closeness varies little.</summary>
    private static float[] Softmax(float[] closeness)
    {
        var max = closeness.Max();
        var weightsOfLevels = closeness.Select(c => float.IsNegativeInfinity(c) ? 0f : MathF.Exp((c - max) / Temperature)).ToArray();
        var sum = weightsOfLevels.Sum();
        return [.. weightsOfLevels.Select(x => x / sum)];
    }

    private static void Softmax(float[][] w, float[] x, float[] into)
    {
        var max = float.MinValue;
        for (var k = 0; k < into.Length; k++)
        {
            into[k] = SentenceVectors.Dot(w[k], x) + w[k][x.Length];
            max = Math.Max(max, into[k]);
        }
        var sum = 0f;
        for (var k = 0; k < into.Length; k++)
        {
            into[k] = MathF.Exp(into[k] - max);
            sum += into[k];
        }
        for (var k = 0; k < into.Length; k++)
            into[k] /= sum;
    }

    private static void AddScaled(float[] into, float[] x, float scale)
    {
        var s = new Vector<float>(scale);
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(into, i) + s * new Vector<float>(x, i)).CopyTo(into, i);
        for (; i < x.Length; i++)
            into[i] += scale * x[i];
    }
}
