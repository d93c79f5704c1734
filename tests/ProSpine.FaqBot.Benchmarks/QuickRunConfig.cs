using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace ProSpine.FaqBot.Benchmarks;

/// <summary>
/// A short job, so that a full run takes a few minutes on two noisy cores: one process per case, two warm-up and
/// seven measured iterations. Adds the median, memory per question, and ratios to the baseline as "N x faster".
/// </summary>
public sealed class QuickRunConfig : ManualConfig
{
    public QuickRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7).WithId("Quick"));
        AddColumn(StatisticColumn.Median);
        AddDiagnoser(MemoryDiagnoser.Default);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
