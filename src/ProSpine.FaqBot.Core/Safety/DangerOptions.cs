using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// The danger classifier's thresholds (section <c>Danger</c> of appsettings.json). The readings quoted below were
/// measured with the sentence model as its package ships it, before its last layers were fine-tuned (thirty-fourth
/// session): they show why each threshold exists, not what the bot reads today (<c>faq-curator ask</c> shows that).
/// </summary>
public sealed class DangerOptions
{
    public const string Section = "Danger";

    /// <summary>A crisis or emergency this probable gets its own reply (988 or 911).</summary>
    [Range(0.0, 1.0)]
    public float ConfidentProbability { get; set; } = 0.7f;

    /// <summary>
    /// Crisis and emergency together this probable, but neither confident: the reply starts with both 911 and 988.
    /// </summary>
    [Range(0.0, 1.0)]
    public float UnsureProbability { get; set; } = 0.25f;

    /// <summary>
    /// Below this (crisis and emergency together, on every piece of the message) the classifier reads the message as
    /// clearly calm: a phrase rule marked <c>askedInGeneral</c> gives way ("what happens if a pump overdoses
    /// someone" asks in general).
    /// </summary>
    [Range(0.0, 1.0)]
    public float CalmProbability { get; set; } = 0.25f;

    /// <summary>
    /// An emergency, read by meaning or named by a rule, also names 988 when crisis reads at least this probable: on the
    /// pieces that count for a rule, on any piece for a reading by meaning. The reply then puts 911 and 988 first, so
    /// an emergency still gets 911 first; a warning sign in someone else ("sleeping with his hunting rifle next to the
    /// bed", crisis 0.24 and emergency 0.72) gets 988 too.
    /// </summary>
    [Range(0.0, 1.0)]
    public float MaybeCrisisProbability { get; set; } = 0.2f;

    /// <summary>
    /// A clause of a longer message raises crisis or emergency only when the two together are this probable on it;
    /// the whole message always counts. Lower, and the fragments left around an idiom or a negation raise alarms.
    /// </summary>
    [Range(0.0, 1.0)]
    public float ClauseProbability { get; set; } = 0.8f;

    /// <summary>
    /// Crisis and emergency together this probable, on the whole message or a clause, is a reading no question of the
    /// message that the FAQ answers can overrule: someone standing closer to the train tracks each night who then asks
    /// for the office's phone number is in danger, whatever else the message asks. Above
    /// <see cref="ClauseProbability"/> by design: a clause counts only from there. With the defaults, a short message
    /// read as an emergency (0.7) that does not rule out a crisis (0.25) is firm too.
    /// </summary>
    [Range(0.0, 1.0)]
    public float FirmProbability { get; set; } = 0.95f;

    /// <summary>
    /// A message whose words read as danger's at least this probably (<see cref="DangerWords"/>) gets 911 and 988 first
    /// when its meaning reads crisis and emergency together at <see cref="WordsSupportedProbability"/> or more, below
    /// <see cref="UnsureProbability"/>: "I deleted all my social media and made a will this week" reads 0.2 by meaning,
    /// but its words are a crisis's. Null: the words never raise danger.
    /// </summary>
    [Range(0.0, 1.0)]
    public float? WordsDangerProbability { get; set; } = 0.9f;

    /// <summary>The least reading by meaning that the words can raise (see <see cref="WordsDangerProbability"/>).</summary>
    [Range(0.0, 1.0)]
    public float WordsSupportedProbability { get; set; } = 0.15f;

    /// <summary>
    /// A message that says it is asked for study ("could a pump cause a seizure? asking for a neuro class";
    /// <c>askedForStudy</c> in <c>safety.yaml</c>) is read as asked in general when its words read danger less
    /// probable than this (<see cref="DangerWords"/>): a reading by meaning, an emergency rule or a rule marked
    /// <c>askedInGeneral</c> then gives way, unless the meaning reads crisis and emergency together at
    /// <see cref="ConfidentProbability"/>, and the reply ends with 911 and 988 instead of starting with them. Empty:
    /// never. Chosen on the tuning sets, where every crisis and emergency told with such a frame ("what's the lethal dose
    /// of baclofen? it's for a pharmacology assignment") read 0.79 or more, and the students' questions 0.2 or less.
    /// </summary>
    [Range(0.0, 1.0)]
    public float? StudyWordsBelow { get; set; } = 0.3f;

    /// <summary>
    /// A piece of a message (the whole, or a clause) at least this close in meaning (cosine) to one calm example (of
    /// <c>danger.yaml</c> or <c>danger-written.yaml</c>, an FAQ phrasing or a small-talk phrase), and
    /// <see cref="CalmExampleLead"/> closer to it than to every crisis, emergency and urgent example, reads calm when
    /// the message's words do not read as danger's (<see cref="WordsCalmBelow"/>). "recipe for chicken soup please" is
    /// all but the calm "how do I make chicken soup from scratch" (0.79) and near no example of danger (0.28), yet the
    /// regression, which learned that example, read it as an emergency (0.91). Null: never.
    /// </summary>
    [Range(0.0, 1.0)]
    public float? CalmExampleSimilarity { get; set; } = 0.7f;

    /// <summary>How much closer a piece must be to a calm example than to any example of danger (see <see cref="CalmExampleSimilarity"/>).</summary>
    [Range(0.0, 1.0)]
    public float CalmExampleLead { get; set; } = 0.2f;

    /// <summary>
    /// The message's words read as danger's less probably than this (<see cref="DangerWords"/>): a piece close to a calm
    /// example may read calm (<see cref="CalmExampleSimilarity"/>), and an unsure reading gives way to an answer the
    /// entries' regression and the entries' words agree on (<c>Matching:WordsWithRegression</c>), as it gives way to
    /// the other answers. "My mom keeps saying spinal pump, what even is that?" reads 0.35 by meaning and 0.02 by its
    /// words; "this is goodbye. please tell Dr. Stauss he did his best" 0.76 and 1.00. Null: neither.
    /// </summary>
    [Range(0.0, 1.0)]
    public float? WordsCalmBelow { get; set; } = 0.5f;

    /// <summary>An urgent pump or wound problem this probable gets "call the clinic now".</summary>
    [Range(0.0, 1.0)]
    public float UrgentProbability { get; set; } = 0.7f;

    /// <summary>
    /// Where the vectors of curated texts are kept between runs, relative to the content root; empty for none. Without
    /// it every start-up encodes every example and phrasing again (measured: ready in 16 s instead of 4 s).
    /// </summary>
    public string VectorCacheFile { get; set; } = "";

    /// <summary>At most this many clauses of a long message are read on their own, besides the whole message.</summary>
    [Range(1, 50)]
    public int MaxClauses { get; set; } = 16;
}
