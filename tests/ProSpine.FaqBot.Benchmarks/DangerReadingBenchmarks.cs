using BenchmarkDotNet.Attributes;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Benchmarks;

/// <summary>
/// What a whole answer costs against the sentence model alone, in the same run on the same questions: the encoder is
/// the floor since every message is read for danger by meaning, and the target is to add little on top of it. Every
/// question of the list is different, and neither path caches a message.
/// </summary>
[Config(typeof(QuickRunConfig))]
public class DangerReadingBenchmarks : IDisposable
{
    private FaqWorkload workload = null!;
    private ISentenceEncoder encoder = null!;
    private QuestionCycle questions = null!;
    private PackageSentenceEncoder package = null!;

    [GlobalSetup]
    public void Setup()
    {
        workload = FaqWorkload.Create(FaqSize.Real);
        questions = new QuestionCycle(workload.Questions);
        encoder = SentenceModel.Shared.Encoder;
        package = new PackageSentenceEncoder();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        package.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One batch-of-one encode of the question, as the model's own cost.</summary>
    [Benchmark(Baseline = true)]
    public float[] EncodeTheQuestion() => encoder.Encode([questions.Next()])[0];

    /// <summary>
    /// The same encode through the package's own <c>SentenceEncoder.Encode</c> (same model, weights and vector): the raw
    /// encoder #11 first measured, whose pooling the bot's encoder does faster.
    /// </summary>
    [Benchmark]
    public float[] EncodeThroughThePackage() => package.Encode([questions.Next()])[0];

    /// <summary>The bot's answer: phrase rules, the danger classifier (the whole message and its clauses), matching.</summary>
    [Benchmark]
    public Reply Answer() => workload.Answerer.Answer(questions.Next());
}
