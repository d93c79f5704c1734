using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>An entry's closeness in meaning to a message: the cosine similarity of its nearest phrasing.</summary>
public sealed record SemanticCandidate(FaqEntry Entry, double Similarity, string NearestPhrasing);

/// <summary>The curated question the FAQ does not answer that is nearest in meaning to a message.</summary>
public sealed record SemanticUncovered(UncoveredQuestion Question, double Similarity);

/// <summary>
/// The entries' phrasings (question and alternates) as sentence vectors, encoded once when the FAQ is loaded, through
/// <see cref="CuratedEmbeddings"/>: the danger reader already learns the same texts as calm examples, so they are
/// normalised the same way and come from its cache. Ranking a message costs dot products only; the message's vector
/// is the one read for danger. The questions patients asked (<c>faq/asked.yaml</c>) count as phrasings of their entry
/// here, for the meaning only. The questions the FAQ does not answer (<c>faq/not-covered.yaml</c>, and those of
/// <c>asked.yaml</c>) are encoded beside them, for <see cref="HybridMatcher"/> to tell a near miss from a paraphrase.
/// Immutable and thread-safe.
/// </summary>
public sealed class SemanticIndex
{
    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly float[][] vectors;
    private readonly int[] entryOf;
    private readonly string[] phrasings;
    private readonly IReadOnlyList<UncoveredQuestion> uncovered;
    private readonly float[][] uncoveredVectors;
    private readonly EntryClassifier classifier;

    public SemanticIndex(IReadOnlyList<FaqEntry> entries, UncoveredQuestions uncovered, AskedQuestions asked, CuratedEmbeddings embeddings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(uncovered);
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(embeddings);
        this.entries = entries;
        var index = entries.Select((entry, i) => (entry.Id, i)).ToDictionary(e => e.Id, e => e.i, StringComparer.Ordinal);
        // Questions as patients asked them are neighbours like the phrasings, for the meaning only.
        var rows = entries
            .SelectMany((entry, i) => entry.Phrasings.Select(p => (Entry: i, Text: p)))
            .Concat(asked.Items.Where(q => q.EntryId is not null).Select(q => (Entry: index[q.EntryId!], q.Text)))
            .Select(r => (r.Entry, r.Text, Normalized: TextNormalizer.Normalize(r.Text)))
            .Where(r => r.Normalized.Length > 0)
            .ToList();
        entryOf = [.. rows.Select(r => r.Entry)];
        phrasings = [.. rows.Select(r => r.Text)];
        vectors = embeddings.Encode([.. rows.Select(r => r.Normalized)]);
        this.uncovered = [.. uncovered.Items, .. asked.Items.Where(q => q.EntryId is null).Select(q => new UncoveredQuestion(q.Text, AskedTopic, q.Source))];
        uncoveredVectors = embeddings.Encode([.. this.uncovered.Select(q => TextNormalizer.Normalize(q.Text))]);
        classifier = EntryClassifier.Train(entries, [.. vectors, .. uncoveredVectors],
            [.. entryOf, .. uncoveredVectors.Select(_ => -1)], embeddings);
    }

    /// <summary>The entry the regression over every question above finds likeliest for <paramref name="message"/>, or none.</summary>
    public EntryGuess Likeliest(float[] message) => classifier.Likeliest(message);

    /// <summary>The entries' regression's probability of each entry, in the order of <see cref="Entries"/>, then "not answered".</summary>
    public float[] Probabilities(float[] message) => classifier.Probabilities(message);

    /// <summary>The entries, in the FAQ's order.</summary>
    public IReadOnlyList<FaqEntry> Entries => entries;

    /// <summary>
    /// Every question the entries' regression learns, in its order: each phrasing and question asked with the index of
    /// its entry in <see cref="Entries"/>, then each question the FAQ does not answer, with -1.
    /// </summary>
    public IEnumerable<(string Text, int Entry)> LearnedQuestions =>
        phrasings.Zip(entryOf).Concat(uncovered.Select(q => (q.Text, -1)));

    /// <summary>The questions the FAQ does not answer: <c>not-covered.yaml</c>'s, then <c>asked.yaml</c>'s.</summary>
    public IReadOnlyList<UncoveredQuestion> Uncovered => uncovered;

    /// <summary>The topic of an uncovered question that comes from <c>faq/asked.yaml</c>.</summary>
    private const string AskedTopic = "asked";

    /// <summary>
    /// <paramref name="message"/> (a unit vector) with its nearest questions looked up at most once, for the readers of
    /// one message to share (<see cref="MessageMeaning"/>).
    /// </summary>
    public MessageMeaning Read(float[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MessageMeaning(this, message);
    }

    /// <summary>
    /// The curated uncovered question nearest to <paramref name="message"/> (a unit vector), among those
    /// <paramref name="eligible"/> (all when null), if any.
    /// </summary>
    public SemanticUncovered? NearestUncovered(float[] message, Func<UncoveredQuestion, bool>? eligible = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (best, nearest) = (double.NegativeInfinity, -1);
        for (var i = 0; i < uncoveredVectors.Length; i++)
        {
            if (eligible is not null && !eligible(uncovered[i]))
                continue;
            var similarity = SentenceVectors.Dot(uncoveredVectors[i], message);
            if (similarity > best)
                (best, nearest) = (similarity, i);
        }
        return nearest < 0 ? null : new SemanticUncovered(uncovered[nearest], best);
    }

    /// <summary>Every entry with its nearest phrasing to <paramref name="message"/> (a unit vector), closest first.</summary>
    public IReadOnlyList<SemanticCandidate> Rank(float[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var best = new double[entries.Count];
        var nearest = new int[entries.Count];
        Array.Fill(best, double.NegativeInfinity);
        Array.Fill(nearest, -1);
        for (var i = 0; i < vectors.Length; i++)
        {
            var similarity = SentenceVectors.Dot(vectors[i], message);
            if (similarity > best[entryOf[i]])
                (best[entryOf[i]], nearest[entryOf[i]]) = (similarity, i);
        }
        return [.. Enumerable.Range(0, entries.Count)
            .Where(e => nearest[e] >= 0)
            .Select(e => new SemanticCandidate(entries[e], best[e], phrasings[nearest[e]]))
            .OrderByDescending(c => c.Similarity)];
    }
}
