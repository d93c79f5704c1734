namespace ProSpine.FaqBot.Core.Safety;

/// <summary>The danger classifier's thresholds (section <c>Danger</c> of appsettings.json).</summary>
public sealed class DangerOptions
{
    public const string Section = "Danger";

    /// <summary>A crisis or emergency this probable gets its own reply (988 or 911).</summary>
    public float ConfidentProbability { get; set; } = 0.7f;

    /// <summary>
    /// Crisis and emergency together this probable, but neither confident: the reply starts with both 911 and 988.
    /// </summary>
    public float UnsureProbability { get; set; } = 0.4f;

    /// <summary>
    /// Below this (crisis and emergency together, on every piece of the message) the classifier reads the message as
    /// clearly calm, and a crisis or emergency phrase rule that is not firm gives way: "what happens if a pump
    /// overdoses someone" asks in general.
    /// </summary>
    public float CalmProbability { get; set; } = 0.3f;

    /// <summary>An urgent pump or wound problem this probable gets "call the clinic now".</summary>
    public float UrgentProbability { get; set; } = 0.6f;

    /// <summary>
    /// Where the vectors of curated texts are kept between runs, relative to the content root; empty for none. Without
    /// it every start-up encodes the whole FAQ again (about 6 s instead of 1 s).
    /// </summary>
    public string VectorCacheFile { get; set; } = "";

    /// <summary>At most this many clauses of a long message are read on their own, besides the whole message.</summary>
    public int MaxClauses { get; set; } = 8;
}
