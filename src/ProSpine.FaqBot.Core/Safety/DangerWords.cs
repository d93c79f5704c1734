using System.Security.Cryptography;
using System.Text;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// How likely the words of a message are those of a crisis or an emergency, read as words and word pairs rather than
/// by meaning: a logistic regression over which words and neighbouring pairs a message holds, learned at load from the
/// same examples as the sentence model. A sentence vector reads a message by its topic, and a crisis told in ordinary
/// words ("I deleted all my social media and made a will this week") sits among ordinary topics; its words and word
/// pairs are a crisis's all the same. It is a second opinion only: it raises danger beside a reading by meaning that
/// is not clearly calm (<see cref="DangerReader.Decide"/>), never alone, as long calm messages hold many words that
/// danger also uses. Immutable and thread-safe.
/// </summary>
public sealed class DangerWords
{
    // Full-batch gradient descent with momentum from zero weights, the examples summed in order: the same examples
    // always give the same weights. The settings converge on the examples (measured against stochastic descent).
    private const int Steps = 300;
    private const double LearningRate = 4.0;
    private const double Momentum = 0.9;
    private const double L2 = 1e-5;

    // Part of every training key: change it whenever the learning or the features change, so weights kept by an older
    // version are not reused.
    private static readonly string TrainingVersion = FormattableString.Invariant($"words and pairs, {Steps} steps, rate {LearningRate}, momentum {Momentum}, L2 {L2}");

    // The weights are kept as rows of this many (the vector file holds rows of at most 4,096 values), then the bias.
    private const int RowLength = 1024;

    private readonly Dictionary<string, float> weights;
    private readonly float bias;

    private DangerWords(Dictionary<string, float> weights, float bias)
    {
        this.weights = weights;
        this.bias = bias;
    }

    /// <summary>Learns from <paramref name="examples"/>: each text as the sentence model reads it, and whether it is danger.</summary>
    public static DangerWords Learn(IReadOnlyList<(string Text, bool Danger)> examples) => With(examples, LearnWeights(examples));

    /// <summary>
    /// The reader whose weights <see cref="LearnWeights"/> gave for these same examples (kept from an earlier start under
    /// <see cref="TrainingKey"/>): learning, about 0.7 s of start-up here, is then skipped.
    /// </summary>
    public static DangerWords With(IReadOnlyList<(string Text, bool Danger)> examples, float[][] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var (index, _) = Indexed(examples);
        var flat = weights is [.., [_]] ? weights[..^1].SelectMany(row => row).ToArray() : null;
        if (flat?.Length != index.Count)
            throw new ArgumentException("The weights were not learned from these examples.", nameof(weights));
        return new DangerWords(index.ToDictionary(kv => kv.Key, kv => flat[kv.Value], StringComparer.Ordinal), weights[^1][0]);
    }

    /// <summary>Names exactly what <see cref="LearnWeights"/> learns from: the same examples, in order, give the same key.</summary>
    public static string TrainingKey(IReadOnlyList<(string Text, bool Danger)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(TrainingVersion));
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var (text, danger) in examples)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BitConverter.TryWriteBytes(length, danger ? bytes.Length : -bytes.Length - 1);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return $"danger-words/{Convert.ToHexString(hash.GetHashAndReset())}";
    }

    /// <summary>The weights learned from <paramref name="examples"/>, in rows of <see cref="RowLength"/>, then the bias alone.</summary>
    public static float[][] LearnWeights(IReadOnlyList<(string Text, bool Danger)> examples)
    {
        var (index, features) = Indexed(examples);
        var w = new double[index.Count];
        var velocity = new double[index.Count];
        var gradient = new double[index.Count];
        double b = 0, biasVelocity = 0;
        var n = (double)examples.Count;
        for (var step = 0; step < Steps && examples.Count > 0; step++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < features.Length; i++)
            {
                var z = b;
                foreach (var f in features[i])
                    z += w[f];
                var error = Sigmoid(z) - (examples[i].Danger ? 1 : 0);
                foreach (var f in features[i])
                    gradient[f] += error;
                biasGradient += error;
            }
            for (var f = 0; f < w.Length; f++)
            {
                velocity[f] = Momentum * velocity[f] + gradient[f] / n + L2 * w[f];
                w[f] -= LearningRate * velocity[f];
            }
            biasVelocity = Momentum * biasVelocity + biasGradient / n;
            b -= LearningRate * biasVelocity;
        }
        return [.. w.Select(x => (float)x).Chunk(RowLength), [(float)b]];
    }

    /// <summary>Each feature of the examples numbered in order of first appearance, and each example's features by number.</summary>
    private static (Dictionary<string, int> Index, int[][] Features) Indexed(IReadOnlyList<(string Text, bool Danger)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = examples.Select(e => Features(e.Text).Select(f => index.TryAdd(f, index.Count) ? index.Count - 1 : index[f]).ToArray()).ToArray();
        return (index, features);
    }

    /// <summary>The probability that <paramref name="text"/> (normalised words, as the sentence model reads them) is danger.</summary>
    public float Probability(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double z = bias;
        foreach (var feature in Features(text))
            z += weights.GetValueOrDefault(feature);
        return (float)Sigmoid(z);
    }

    private static List<string> Features(string text) => WordsAndPairs.Of(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
}
