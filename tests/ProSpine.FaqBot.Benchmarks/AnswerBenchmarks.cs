using BenchmarkDotNet.Attributes;
using FuzzySharp.SimilarityRatio;
using FuzzySharp.SimilarityRatio.Scorer;
using FuzzySharp.SimilarityRatio.Scorer.Composite;
using ProSpine.FaqBot.Core.Answering;
using FuzzyProcess = FuzzySharp.Process;

namespace ProSpine.FaqBot.Benchmarks;

/// <summary>
/// Time per question of <see cref="Answerer.Answer"/> (safety routing, then matching with candidate pre-selection)
/// against the plain approach it replaces: FuzzySharp's <c>Process.ExtractOne</c> over every phrasing of the FAQ.
/// Each invocation asks the next question of a fixed list, round the list, so a reported time is one question's.
/// </summary>
[Config(typeof(QuickRunConfig))]
public class AnswerBenchmarks
{
    /// <summary>The baseline's cutoff, on FuzzySharp's 0-100 scale: about the matcher's answer threshold.</summary>
    private const int BaselineCutoff = 60;

    private static readonly IRatioScorer WeightedRatio = ScorerCache.Get<WeightedRatioScorer>();

    private FaqWorkload workload = null!;
    private QuestionCycle questions = null!;

    [Params(FaqSize.Real, FaqSize.Synthetic1k, FaqSize.Synthetic10k)]
    public FaqSize Faq { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = FaqWorkload.Create(Faq);
        questions = new QuestionCycle(workload.Questions);
        Console.WriteLine($"// Workload {Faq}: {workload.Describe()}");
    }

    /// <summary>FuzzySharp's default (full) preprocessing of the question and of every phrasing, WeightedRatio.</summary>
    [Benchmark(Baseline = true)]
    public int ExtractOneOverEveryPhrasing() =>
        FuzzyProcess.ExtractOne(questions.Next(), workload.Phrasings, scorer: WeightedRatio, cutoff: BaselineCutoff)?.Index ?? -1;

    [Benchmark]
    public Reply Answer() => workload.Answerer.Answer(questions.Next());
}
