using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// A stand-in for the sentence model: each marker word ("zzcrisis", "zzemergency", "zzurgent") points the vector along
/// its own axis, anything else along the calm axis, so a test decides exactly what the classifier reads. Counts the
/// texts it encodes.
/// </summary>
public sealed class KeywordEncoder : ISentenceEncoder
{
    private static readonly string[] Markers = ["zzcalm", "zzurgent", "zzemergency", "zzcrisis"];
    private int encoded;

    public string Model => "keywords";

    public int Encoded => Volatile.Read(ref encoded);

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        Interlocked.Add(ref encoded, texts.Count);
        return [.. texts.Select(Vector)];
    }

    private static float[] Vector(string text)
    {
        var v = new float[8];
        for (var i = 0; i < Markers.Length; i++)
        {
            // As many as the text names: a long calm story with one danger word reads mostly calm.
            v[i] = text.Split(Markers[i], StringSplitOptions.None).Length - 1;
        }
        if (v.All(x => x == 0))
            v[0] = 1f;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
