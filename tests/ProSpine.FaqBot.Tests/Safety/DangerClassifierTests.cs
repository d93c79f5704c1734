using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Safety;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>The classifier's mechanics on small made-up vectors: no sentence model needed.</summary>
public sealed class DangerClassifierTests
{
    // Four clusters around the axes of a 16-dimensional space, one per level, slightly spread.
    private static (List<float[]> Vectors, List<DangerLevel> Levels) Clusters(int perLevel)
    {
        var random = new Random(7);
        var vectors = new List<float[]>();
        var levels = new List<DangerLevel>();
        foreach (var level in Enum.GetValues<DangerLevel>())
        {
            for (var i = 0; i < perLevel; i++)
            {
                var v = Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 0.2)).ToArray();
                v[(int)level] += 1f;
                vectors.Add(Normalised(v));
                levels.Add(level);
            }
        }
        return (vectors, levels);
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void The_same_examples_always_give_the_same_probabilities()
    {
        var (vectors, levels) = Clusters(perLevel: 20);
        var probe = Normalised([0.3f, 0.1f, 0.8f, 0.2f, .. new float[12]]);

        var first = DangerClassifier.Train(vectors, levels).Probabilities(probe);
        var second = DangerClassifier.Train(vectors, levels).Probabilities(probe);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Weights_kept_from_an_earlier_training_give_the_same_probabilities_and_are_named_by_their_examples()
    {
        var (vectors, levels) = Clusters(perLevel: 20);
        var probe = Normalised([0.3f, 0.1f, 0.8f, 0.2f, .. new float[12]]);
        var kept = DangerClassifier.LearnWeights(vectors, levels);

        Assert.Equal(DangerClassifier.Train(vectors, levels).Probabilities(probe),
            DangerClassifier.With(kept, vectors, levels).Probabilities(probe));
        Assert.Equal(DangerClassifier.TrainingKey(vectors, levels), DangerClassifier.TrainingKey([.. vectors], [.. levels]));
        var relabelled = levels.ToList();
        relabelled[0] = DangerLevel.Crisis;
        Assert.NotEqual(DangerClassifier.TrainingKey(vectors, levels), DangerClassifier.TrainingKey(vectors, relabelled));
        var moved = vectors.Select(v => (float[])v.Clone()).ToList();
        moved[^1][0] += 1e-6f;
        Assert.NotEqual(DangerClassifier.TrainingKey(vectors, levels), DangerClassifier.TrainingKey(moved, levels));
    }

    [Theory]
    [InlineData(DangerLevel.Calm)]
    [InlineData(DangerLevel.Urgent)]
    [InlineData(DangerLevel.Emergency)]
    [InlineData(DangerLevel.Crisis)]
    public void A_vector_near_one_levels_examples_gets_that_level(DangerLevel level)
    {
        var (vectors, levels) = Clusters(perLevel: 20);
        var probe = new float[16];
        probe[(int)level] = 1f;

        var probabilities = DangerClassifier.Train(vectors, levels).Probabilities(probe);

        Assert.Equal(level, (DangerLevel)Array.IndexOf(probabilities, probabilities.Max()));
        Assert.True(probabilities[(int)level] > 0.8f, $"{level}: {probabilities[(int)level]}");
        Assert.Equal(1f, probabilities.Sum(), 3);
    }

    [Fact]
    public void Many_calm_examples_do_not_drown_a_few_crisis_ones()
    {
        var (vectors, levels) = Clusters(perLevel: 5);
        // Twenty times more calm examples than crisis ones, as with every FAQ phrasing learned as calm.
        var (moreCalm, _) = Clusters(perLevel: 100);
        vectors.AddRange(moreCalm.Take(100));
        levels.AddRange(Enumerable.Repeat(DangerLevel.Calm, 100));
        var probe = new float[16];
        probe[(int)DangerLevel.Crisis] = 1f;

        var probabilities = DangerClassifier.Train(vectors, levels).Probabilities(probe);

        Assert.True(probabilities[(int)DangerLevel.Crisis] > 0.7f, $"crisis {probabilities[(int)DangerLevel.Crisis]}");
    }

    [Fact]
    public void Examples_given_as_neighbours_only_vote_without_teaching_the_regression()
    {
        var (vectors, levels) = Clusters(perLevel: 20);
        // Crisis messages along a direction none of the learned examples takes, as people's own words can be.
        var elsewhere = Enumerable.Range(0, 5).Select(i =>
        {
            var v = new float[16];
            v[8] = 1f;
            v[9 + i] = 0.1f;
            return Normalised(v);
        }).ToList();
        var probe = new float[16];
        probe[8] = 1f;
        float CrisisOf(DangerClassifier classifier) => classifier.Probabilities(probe)[(int)DangerLevel.Crisis];

        var without = CrisisOf(DangerClassifier.Train(vectors, levels));
        var asNeighbours = DangerClassifier.Train(vectors, levels, neighboursOnly: [.. elsewhere.Select(v => (v, DangerLevel.Crisis))]);
        var learned = CrisisOf(DangerClassifier.Train([.. vectors, .. elsewhere], [.. levels, .. elsewhere.Select(_ => DangerLevel.Crisis)]));

        Assert.True(asNeighbours.Closeness(probe)[(int)DangerLevel.Crisis] > 0.9f);
        Assert.True(without < CrisisOf(asNeighbours) && CrisisOf(asNeighbours) < learned,
            $"without {without}, as neighbours {CrisisOf(asNeighbours)}, learned {learned}");
    }

    [Fact]
    public void Closeness_is_the_similarity_to_each_levels_nearest_examples()
    {
        var (vectors, levels) = Clusters(perLevel: 10);
        var classifier = DangerClassifier.Train(vectors, levels);

        var closeness = classifier.Closeness(vectors[0]); // a calm example

        Assert.Equal(DangerLevel.Calm, (DangerLevel)Array.IndexOf(closeness, closeness.Max()));
        Assert.True(closeness[(int)DangerLevel.Calm] > 0.9f);
    }

    [Fact]
    public void A_vector_all_but_a_calm_example_and_far_from_every_danger_example_reads_calm_under_the_rule()
    {
        var (vectors, levels) = Clusters(perLevel: 20);
        // One calm example that leans toward the crisis cluster: the regression reads a vector beside it as a crisis.
        var leaning = Normalised([0f, 0f, 0f, 0.6f, 0f, 0f, 0f, 0f, 0.8f, .. new float[7]]);
        var classifier = DangerClassifier.Train([.. vectors, leaning], [.. levels, DangerLevel.Calm]);
        var probe = Normalised([0f, 0f, 0f, 0.7f, 0f, 0f, 0f, 0f, 0.72f, .. new float[7]]);

        var read = classifier.Probabilities(probe);
        var underTheRule = classifier.Probabilities(probe, new CalmExampleRule(Similarity: 0.7f, Lead: 0.2f));
        var tooCloseToDanger = classifier.Probabilities(probe, new CalmExampleRule(Similarity: 0.7f, Lead: 0.4f));
        var notCloseEnough = classifier.Probabilities(probe, new CalmExampleRule(Similarity: 0.999f, Lead: 0.2f));

        Assert.True(read[(int)DangerLevel.Crisis] > 0.5f, $"crisis {read[(int)DangerLevel.Crisis]}");
        Assert.Equal([1f, 0f, 0f, 0f], underTheRule);
        Assert.Equal(read, tooCloseToDanger);
        Assert.Equal(read, notCloseEnough);
    }
}
