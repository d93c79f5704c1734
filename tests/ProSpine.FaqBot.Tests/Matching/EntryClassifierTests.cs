using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Tests.Matching;

/// <summary>The entries' regression on made-up vectors: clusters for two entries and for the questions the FAQ does not answer.</summary>
public sealed class EntryClassifierTests
{
    private static readonly FaqEntry[] Entries = [Entry("lifespan"), Entry("refill")];

    // Class -1 is "not answered"; each cluster spreads around its own axis of a 12-dimensional space.
    private static (List<float[]> Vectors, List<int> EntryOf) Clusters()
    {
        var random = new Random(11);
        var vectors = new List<float[]>();
        var entryOf = new List<int>();
        foreach (var (axis, entry) in new[] { (0, 0), (1, 1), (2, -1) })
        {
            for (var i = 0; i < 30; i++)
            {
                var v = Enumerable.Range(0, 12).Select(_ => (float)(random.NextDouble() * 0.3)).ToArray();
                v[axis] += 1f;
                vectors.Add(Normalised(v));
                entryOf.Add(entry);
            }
        }
        return (vectors, entryOf);
    }

    [Fact]
    public void A_message_among_an_entrys_questions_is_that_entry_and_one_among_the_unanswered_is_none()
    {
        var (vectors, entryOf) = Clusters();
        var classifier = EntryClassifier.Train(Entries, vectors, entryOf, new CuratedEmbeddings(new NoEncoder()));

        var refill = classifier.Likeliest(Normalised([0.1f, 0.9f, 0.1f, .. new float[9]]));
        var unanswered = classifier.Likeliest(Normalised([0.1f, 0.1f, 0.9f, .. new float[9]]));
        var between = classifier.Likeliest(Normalised([0.7f, 0.7f, 0f, .. new float[9]]));

        Assert.Equal("refill", refill.Entry?.Id);
        Assert.True(refill.Probability > 0.9, $"{refill.Probability}");
        Assert.Null(unanswered.Entry);
        Assert.True(between.Probability < 0.9, $"{between.Probability}");
    }

    [Fact]
    public void The_same_examples_give_the_same_guess_in_any_cache_and_other_examples_another()
    {
        var (vectors, entryOf) = Clusters();
        var embeddings = new CuratedEmbeddings(new NoEncoder());
        var probe = Normalised([0.5f, 0.4f, 0.3f, .. new float[9]]);

        var first = EntryClassifier.Train(Entries, vectors, entryOf, embeddings).Likeliest(probe);
        var again = EntryClassifier.Train(Entries, vectors, entryOf, embeddings).Likeliest(probe);
        var relabelled = entryOf.ToList();
        relabelled[0] = 1;
        var learnedAnew = EntryClassifier.Train(Entries, vectors, relabelled, embeddings).Likeliest(probe);
        var elsewhere = EntryClassifier.Train(Entries, vectors, entryOf, new CuratedEmbeddings(new NoEncoder())).Likeliest(probe);

        Assert.Equal(first, again);
        Assert.Equal(first, elsewhere);
        Assert.NotEqual(first.Probability, learnedAnew.Probability);
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    private static FaqEntry Entry(string id) => new(id, $"About {id}?", [], [$"The answer about {id}."], Page, "FAQs", [], []);

    private static readonly SourcePage Page = new("page", "Page", "Clinic", new DateOnly(2024, 1, 1), "Author", "", "text");

    /// <summary>The regression learns from vectors given to it; nothing is encoded.</summary>
    private sealed class NoEncoder : ISentenceEncoder
    {
        public string Model => "none";

        public float[][] Encode(IReadOnlyList<string> texts) => throw new InvalidOperationException("nothing to encode");
    }
}
