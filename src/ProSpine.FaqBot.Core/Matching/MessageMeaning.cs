using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// One message's sentence vector and the FAQ's questions nearest it, each looked up when first asked and kept: the
/// matcher and small talk by meaning both weigh the message against every question of the FAQ (thousands of dot
/// products), and must not pay for it twice. Made once per message by <see cref="SemanticIndex.Read"/>; not
/// thread-safe, as it belongs to one turn.
/// </summary>
public sealed class MessageMeaning
{
    private readonly SemanticIndex index;
    private IReadOnlyList<SemanticCandidate>? ranking;
    private SemanticUncovered? nearestUncovered;
    private bool uncoveredLookedUp;

    internal MessageMeaning(SemanticIndex index, float[] vector)
    {
        this.index = index;
        Vector = vector;
    }

    /// <summary>Whether this was read by <paramref name="other"/>: what it kept is about that index's questions only.</summary>
    internal bool IsReadBy(SemanticIndex other) => ReferenceEquals(index, other);

    /// <summary>The message's sentence vector (a unit vector).</summary>
    public float[] Vector { get; }

    /// <summary>Every entry with its nearest phrasing, closest first (<see cref="SemanticIndex.Rank"/>).</summary>
    public IReadOnlyList<SemanticCandidate> Ranking => ranking ??= index.Rank(Vector);

    /// <summary>The question the FAQ does not answer nearest the message, among those <paramref name="eligible"/> (all when null).</summary>
    public SemanticUncovered? NearestUncovered(Func<UncoveredQuestion, bool>? eligible = null)
    {
        if (!uncoveredLookedUp)
            (nearestUncovered, uncoveredLookedUp) = (index.NearestUncovered(Vector), true);
        // The nearest of all is also the nearest eligible one when it is eligible, as it is for most messages.
        return eligible is null || nearestUncovered is null || eligible(nearestUncovered.Question)
            ? nearestUncovered
            : index.NearestUncovered(Vector, eligible);
    }

    /// <summary>The similarity of the FAQ's question nearest the message, answered or not.</summary>
    public double NearestQuestion => Math.Max(
        Ranking is [var entry, ..] ? entry.Similarity : double.NegativeInfinity,
        NearestUncovered()?.Similarity ?? double.NegativeInfinity);
}
