using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML.OnnxRuntime;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// The weights that fine-tuning on <c>faq/</c>'s examples changed in the sentence model (the last two of its six
/// layers), laid over the package's model when its inference session is made: the session then reads every message
/// with them, at the same cost as before. Made from <c>faq/</c> by <c>tests/ProSpine.FaqBot.EncoderTuning</c>
/// (<c>tune.py overlay</c>) and shipped inside this assembly, so the bot, the curator and the tests read alike.
/// </summary>
/// <remarks>
/// The file is a JSON header line (format, each tensor's name in the package's model and its shape, and one text with
/// the vector the tuned model gives it), then each tensor's numbers in half precision, little-endian. The check text
/// is what proves the overlay fits: names that missed, or a package whose model changed, give another vector, and the
/// bot then refuses to start instead of reading danger with a model nobody measured.
/// </remarks>
internal sealed class FineTunedWeights : IDisposable
{
    public const string ResourceName = "ProSpine.FaqBot.Core.Semantics.minilm-faq-tuned.bin";
    private const string Format = "prospine-minilm-overlay/1";
    // Half-precision weights and another machine's arithmetic move the check vector by about 1e-4; a wrong overlay
    // moves it by far more than this.
    private const double CheckSimilarity = 0.999;

    private readonly List<(string Name, OrtValue Value)> tensors;

    private FineTunedWeights(List<(string, OrtValue)> tensors, string checkText, float[] checkVector, string version)
    {
        this.tensors = tensors;
        CheckText = checkText;
        CheckVector = checkVector;
        Version = version;
    }

    /// <summary>A short hash of the file: vectors kept from other weights are not reused (<see cref="CuratedEmbeddings"/>).</summary>
    public string Version { get; }

    public string CheckText { get; }

    public float[] CheckVector { get; }

    public int TensorCount => tensors.Count;

    public static FineTunedWeights LoadShipped()
    {
        using var stream = typeof(FineTunedWeights).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The fine-tuned weights ({ResourceName}) are not in the assembly.");
        var file = new byte[stream.Length];
        stream.ReadExactly(file);
        return Read(file);
    }

    public static FineTunedWeights Read(byte[] file)
    {
        var endOfHeader = Array.IndexOf(file, (byte)'\n');
        if (endOfHeader < 0)
            throw new InvalidDataException("The fine-tuned weights have no header line.");
        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(file.AsSpan(0, endOfHeader))
                ?? throw new InvalidDataException("The fine-tuned weights' header is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The fine-tuned weights' header is not valid JSON: " + e.Message, e);
        }
        if (header.Format != Format)
            throw new InvalidDataException($"The fine-tuned weights are in format '{header.Format}', not '{Format}'.");
        if (header.Tensors is not { Count: > 0 } || header.Check is not { Text.Length: > 0, Vector.Length: > 0 })
            throw new InvalidDataException("The fine-tuned weights' header names no tensor or no check.");

        var tensors = new List<(string, OrtValue)>();
        var offset = endOfHeader + 1;
        try
        {
            foreach (var tensor in header.Tensors)
            {
                if (string.IsNullOrEmpty(tensor.Name) || tensor.Shape is not { Length: > 0 } || tensor.Shape.Any(d => d <= 0))
                    throw new InvalidDataException($"The fine-tuned weights name a tensor without a name or shape ('{tensor.Name}').");
                var count = tensor.Shape.Aggregate(1L, (a, b) => a * b);
                if (count * 2 > file.Length - offset)
                    throw new InvalidDataException($"The fine-tuned weights end inside tensor '{tensor.Name}'.");
                var halves = MemoryMarshal.Cast<byte, Half>(file.AsSpan(offset, (int)count * 2));
                var values = new float[count];
                for (var i = 0; i < values.Length; i++)
                    values[i] = (float)halves[i];
                offset += (int)count * 2;
                tensors.Add((tensor.Name, OrtValue.CreateTensorValueFromMemory(values, tensor.Shape)));
            }
            if (offset != file.Length)
                throw new InvalidDataException($"The fine-tuned weights have {file.Length - offset} bytes after their last tensor.");
        }
        catch
        {
            foreach (var (_, value) in tensors)
                value.Dispose();
            throw;
        }
        var version = Convert.ToHexStringLower(SHA256.HashData(file))[..12];
        return new FineTunedWeights(tensors, header.Check.Text, header.Check.Vector, version);
    }

    /// <summary>Makes sessions made with <paramref name="options"/> use these weights instead of the model's own.</summary>
    public void AddTo(SessionOptions options)
    {
        foreach (var (name, value) in tensors)
            options.AddInitializer(name, value);
    }

    /// <summary>Throws unless <paramref name="vector"/>, the overlaid model's vector of <see cref="CheckText"/>, is the one the overlay was made with.</summary>
    public void Verify(float[] vector)
    {
        var similarity = vector.Length == CheckVector.Length ? vector.Zip(CheckVector, (a, b) => (double)a * b).Sum() : 0;
        if (similarity < CheckSimilarity)
            throw new InvalidDataException(
                $"The fine-tuned weights do not fit the sentence model (check similarity {similarity:0.0000}, " +
                $"at least {CheckSimilarity} expected): they were made for another version of it. Make them again " +
                "with tests/ProSpine.FaqBot.EncoderTuning.");
    }

    // The session keeps pointers into these values: they must outlive it (MiniLmSentenceEncoder disposes both).
    public void Dispose()
    {
        foreach (var (_, value) in tensors)
            value.Dispose();
    }

    private sealed record Header(
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("tensors")] List<TensorHeader>? Tensors,
        [property: JsonPropertyName("check")] CheckHeader? Check);

    private sealed record TensorHeader(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("shape")] long[] Shape);

    private sealed record CheckHeader(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("vector")] float[] Vector);
}
