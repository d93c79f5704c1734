using System.Numerics;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>Arithmetic on sentence vectors, shared by the danger classifier, the FAQ's meaning index and the staff report.</summary>
internal static class SentenceVectors
{
    /// <summary>
    /// The dot product of <paramref name="x"/> with the first <c>x.Length</c> values of <paramref name="a"/>: the
    /// cosine similarity of two unit vectors, or a weight row (with its bias after them) applied to a vector.
    /// </summary>
    public static float Dot(float[] a, float[] x)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a, i) * new Vector<float>(x, i);
        var total = Vector.Sum(sum);
        for (; i < x.Length; i++)
            total += a[i] * x[i];
        return total;
    }
}
