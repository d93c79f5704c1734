using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>How a <see cref="SoftmaxRegression"/> is trained. Part of every training key.</summary>
public sealed record RegressionSettings(int Steps, float LearningRate, float L2, float Momentum)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"steps {Steps}, rate {LearningRate}, l2 {L2}, momentum {Momentum}");
}

/// <summary>
/// A multinomial logistic regression on sentence vectors: which directions of meaning separate some classes (danger
/// levels, FAQ entries). Trained by full-batch gradient descent from zero weights, in a fixed order, for a fixed number
/// of steps: the same examples always give the same weights, so the same message always gets the same route.
/// Weights are one row per class: each dimension, then the bias.
/// </summary>
public static class SoftmaxRegression
{
    private const int Parts = 4;

    /// <param name="vectors">Unit-length sentence vectors, all of one size.</param>
    /// <param name="classes">The class of each vector, from 0 to <paramref name="classCount"/> - 1.</param>
    /// <param name="sampleWeight">How much each example counts; they should sum to 1, so one learning rate suits any number of examples.</param>
    // Optimised from the first call: training runs once, at start-up, where tiered compilation would begin these loops
    // unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[][] Learn(IReadOnlyList<float[]> vectors, IReadOnlyList<int> classes, int classCount,
        IReadOnlyList<float> sampleWeight, RegressionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(sampleWeight);
        ArgumentNullException.ThrowIfNull(settings);
        if (vectors.Count == 0 || vectors.Count != classes.Count || vectors.Count != sampleWeight.Count)
            throw new ArgumentException("one class and one weight per vector, and at least one vector", nameof(classes));
        if (classes.Any(c => c < 0 || c >= classCount))
            throw new ArgumentOutOfRangeException(nameof(classes), "a class outside 0 to classCount - 1");
        var dimensions = vectors[0].Length;
        var w = Rows(classCount, dimensions + 1);
        // Heavy-ball momentum: the same fit as plain gradient descent in a fifth of the steps, so start-up stays short.
        var velocity = Rows(classCount, dimensions + 1);
        // The examples are cut into a fixed number of parts, whatever the number of cores: each part's gradient is
        // summed on any core, and the parts are added in order, so the sums do not depend on which core finished first.
        // (Another SIMD width may round the dot products differently: the same weights on one machine, every time.)
        var parts = Enumerable.Range(0, Parts)
            .Select(p => (From: vectors.Count * p / Parts, To: vectors.Count * (p + 1) / Parts,
                Gradient: Rows(classCount, dimensions + 1), Probabilities: new float[classCount]))
            .ToArray();
        for (var step = 0; step < settings.Steps; step++)
        {
            Parallel.ForEach(parts, part => AddGradient(w, vectors, classes, sampleWeight, part.From, part.To, part.Gradient, part.Probabilities));
            for (var k = 0; k < classCount; k++)
            {
                for (var d = 0; d <= dimensions; d++)
                {
                    var gradient = 0f;
                    foreach (var part in parts)
                        gradient += part.Gradient[k][d];
                    var decay = d < dimensions ? settings.L2 * w[k][d] : 0f;
                    velocity[k][d] = settings.Momentum * velocity[k][d] + gradient + decay;
                    w[k][d] -= settings.LearningRate * velocity[k][d];
                }
            }
        }
        return w;
    }

    /// <summary>Sets <paramref name="gradient"/> to the loss gradient of examples <paramref name="from"/> to <paramref name="to"/> (excluded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddGradient(float[][] w, IReadOnlyList<float[]> vectors, IReadOnlyList<int> classes, IReadOnlyList<float> sampleWeight,
        int from, int to, float[][] gradient, float[] probabilities)
    {
        var dimensions = w[0].Length - 1;
        foreach (var row in gradient)
            Array.Clear(row);
        for (var i = from; i < to; i++)
        {
            Probabilities(w, vectors[i], probabilities);
            for (var k = 0; k < probabilities.Length; k++)
            {
                var error = (probabilities[k] - (classes[i] == k ? 1f : 0f)) * sampleWeight[i];
                AddScaled(gradient[k], vectors[i], error);
                gradient[k][dimensions] += error;
            }
        }
    }

    /// <summary>The probability of each class for <paramref name="x"/>, written into <paramref name="into"/>.</summary>
    public static void Probabilities(float[][] weights, float[] x, float[] into)
    {
        var max = float.MinValue;
        for (var k = 0; k < into.Length; k++)
        {
            into[k] = SentenceVectors.Dot(weights[k], x) + weights[k][x.Length];
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

    /// <summary>
    /// Names exactly what <see cref="Learn"/> would learn from: <paramref name="purpose"/> and a version of the training
    /// (its settings and anything else that shapes the weights), then every vector and its class. The same inputs
    /// always give the same key; any changed example, class or setting gives another.
    /// </summary>
    public static string TrainingKey(string purpose, string version, IReadOnlyList<float[]> vectors, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(classes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The number of parts decides the order of the sums, so it shapes the weights too.
        hash.AppendData(Encoding.UTF8.GetBytes($"{version}, {Parts} parts"));
        Span<byte> label = stackalloc byte[sizeof(int)];
        for (var i = 0; i < vectors.Count; i++)
        {
            hash.AppendData(MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            BitConverter.TryWriteBytes(label, classes[i]);
            hash.AppendData(label);
        }
        return $"{purpose}/{Convert.ToHexString(hash.GetHashAndReset())}";
    }

    private static float[][] Rows(int count, int length) => [.. Enumerable.Range(0, count).Select(_ => new float[length])];

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
