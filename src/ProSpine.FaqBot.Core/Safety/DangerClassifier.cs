using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// From a sentence vector to the probability of each <see cref="DangerLevel"/>: the mean of two views of the examples.
/// <list type="bullet">
/// <item>A multinomial logistic regression (<see cref="SoftmaxRegression"/>), which learns which directions of meaning
/// separate the levels. The same examples always give the same weights, so the same message always gets the same
/// route.</item>
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
    public static DangerClassifier Train(IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels,
        IReadOnlyList<(float[] Vector, DangerLevel Level)>? neighboursOnly = null) =>
        With(LearnWeights(vectors, levels), vectors, levels, neighboursOnly);

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
        ArgumentNullException.ThrowIfNull(levels);
        return SoftmaxRegression.TrainingKey("danger-regression", TrainingVersion, vectors, [.. levels.Select(l => (int)l)]);
    }

    // Part of every training key: change it whenever LearnWeights or its default settings change, so weights kept by
    // an older version are not reused.
    private static readonly RegressionSettings Training = new(Steps: 400, LearningRate: 4f, L2: 1e-5f, Momentum: 0.9f);
    private static readonly string TrainingVersion = $"{Training}, calm half";

    /// <summary>
    /// The regression's weights (one row per level: each dimension, then the bias), by full-batch gradient descent
    /// from zero in a fixed order: the same examples always give the same weights.
    /// </summary>
    /// <remarks>
    /// Calm examples weigh as much in total as all the danger examples together, and the danger levels share their
    /// half equally, however many examples each has: the calm side holds every FAQ phrasing and would otherwise drown
    /// the rarer crises, while danger weighted above calm would raise alarms at "good morning".
    /// </remarks>
    public static float[][] LearnWeights(IReadOnlyList<float[]> vectors, IReadOnlyList<DangerLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(levels);
        if (vectors.Count == 0 || vectors.Count != levels.Count)
            throw new ArgumentException("one level per vector, and at least one vector", nameof(levels));
        var counts = new int[LevelCount];
        foreach (var level in levels)
            counts[(int)level]++;
        var dangerLevels = counts.Skip(1).Count(c => c > 0);
        var sampleWeight = levels.Select(l => l == DangerLevel.Calm
            ? 0.5f / counts[0]
            : 0.5f / (counts[(int)l] * dangerLevels)).ToArray();
        return SoftmaxRegression.Learn(vectors, [.. levels.Select(l => (int)l)], LevelCount, sampleWeight, Training);
    }

    /// <summary>The probability of each level, indexed by <see cref="DangerLevel"/>.</summary>
    /// <param name="calmExample">When given, a vector all but one calm example, and near no example of danger, reads
    /// calm: the regression weighs directions of meaning, not nearness, and can be sure and wrong right beside a calm
    /// example it learned ("recipe for chicken soup please" read as an emergency at 0.91, beside "how do I make chicken
    /// soup from scratch"); such a message is, in meaning, the calm example.</param>
    public float[] Probabilities(float[] vector, CalmExampleRule? calmExample = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var nearestOfLevel = new float[LevelCount];
        var closeness = Closeness(vector, nearestOfLevel);
        if (calmExample is not null && calmExample.Holds(nearestOfLevel))
        {
            var calm = new float[LevelCount];
            calm[(int)DangerLevel.Calm] = 1f;
            return calm;
        }
        var regression = new float[LevelCount];
        SoftmaxRegression.Probabilities(weights, vector, regression);
        var nearest = Softmax(closeness);
        return [.. regression.Zip(nearest, (a, b) => (a + b) / 2)];
    }

    /// <summary>
    /// For each level, the mean cosine similarity of <paramref name="vector"/> to that level's
    /// <see cref="Neighbours"/> closest examples: how much the message resembles what the level's examples say.
    /// </summary>
    public float[] Closeness(float[] vector) => Closeness(vector, new float[LevelCount]);

    /// <param name="nearestOfLevel">Filled with the similarity to each level's single closest example.</param>
    private float[] Closeness(float[] vector, float[] nearestOfLevel)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var closeness = new float[LevelCount];
        var best = new float[Neighbours];
        for (var k = 0; k < LevelCount; k++)
        {
            var examples = examplesByLevel[k];
            if (examples.Length == 0)
            {
                closeness[k] = nearestOfLevel[k] = float.NegativeInfinity;
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
            nearestOfLevel[k] = best[0];
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
}

/// <summary>
/// A vector at least <paramref name="Similarity"/> close (cosine) to one calm example, and by at least
/// <paramref name="Lead"/> closer to it than to every crisis, emergency and urgent example, reads calm
/// (<see cref="DangerClassifier.Probabilities"/>).
/// </summary>
public sealed record CalmExampleRule(float Similarity, float Lead)
{
    /// <param name="nearestOfLevel">The similarity to each level's closest example, indexed by <see cref="DangerLevel"/>.</param>
    public bool Holds(float[] nearestOfLevel)
    {
        ArgumentNullException.ThrowIfNull(nearestOfLevel);
        var calm = nearestOfLevel[(int)DangerLevel.Calm];
        var danger = nearestOfLevel.Where((_, level) => level != (int)DangerLevel.Calm).Max();
        return calm >= Similarity && calm - danger >= Lead;
    }
}
