using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>The small-talk example nearest a message in meaning, and the nearest question of the FAQ it was weighed against.</summary>
public sealed record SmallTalkGuess(SmallTalkExample Nearest, double Similarity, double NearestQuestion)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"small talk '{Nearest.Kind}' by meaning ({Similarity:F2} to {Nearest.Source}, nearest question {NearestQuestion:F2})");
}

/// <summary>
/// Small talk recognised by its meaning (<c>faq/small-talk.yaml</c>), for a message that <c>safety.yaml</c>'s phrases
/// did not recognise: "lol you're pretty helpful for a robot", "we lost power for two hours in that storm", and "how's
/// your day going?", which the words alone would answer with "does the pump start working the same day". The phrases
/// need every word to be small talk's; people chat in words nobody lists. A message counts when one example is at
/// least <see cref="MatchingOptions.SmallTalkMeaning"/> similar and nearer by <see cref="MatchingOptions.SmallTalkLead"/>
/// than every question of the FAQ, answered or not (its phrasings, <c>asked.yaml</c>, <c>not-covered.yaml</c>): a
/// question near the FAQ keeps its answer, "Did you mean" or "not covered". Danger is read before, and small talk never
/// sets it aside.
/// Immutable and thread-safe.
/// </summary>
public sealed class SmallTalkByMeaning
{
    private readonly IReadOnlyList<SmallTalkExample> examples;
    private readonly float[][] vectors;
    private readonly double least;
    private readonly double lead;

    public SmallTalkByMeaning(SmallTalkExamples examples, CuratedEmbeddings embeddings, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(options);
        this.examples = examples.Items;
        vectors = embeddings.Encode([.. examples.Items.Select(e => TextNormalizer.Normalize(e.Text))]);
        least = options.SmallTalkMeaning;
        lead = options.SmallTalkLead;
    }

    /// <summary>The small talk <paramref name="message"/> makes, if it reads as small talk.</summary>
    public SmallTalkGuess? Recognise(MessageMeaning message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Most messages that get here are questions far from every example: the FAQ's questions are weighed only when
        // an example is close enough to matter, and the matcher has usually looked them up already.
        if (NearestExample(message.Vector) is not var (example, similarity) || similarity < least)
            return null;
        var question = message.NearestQuestion;
        return similarity >= question + lead ? new SmallTalkGuess(example, similarity, question) : null;
    }

    /// <summary>The nearest example and the nearest question, whatever their similarities (for curators).</summary>
    public SmallTalkGuess? Nearest(MessageMeaning message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return NearestExample(message.Vector) is var (example, similarity)
            ? new SmallTalkGuess(example, similarity, message.NearestQuestion)
            : null;
    }

    private (SmallTalkExample Example, double Similarity)? NearestExample(float[] message)
    {
        var (best, at) = (double.NegativeInfinity, -1);
        for (var i = 0; i < vectors.Length; i++)
        {
            var similarity = SentenceVectors.Dot(vectors[i], message);
            if (similarity > best)
                (best, at) = (similarity, i);
        }
        return at < 0 ? null : (examples[at], best);
    }
}
