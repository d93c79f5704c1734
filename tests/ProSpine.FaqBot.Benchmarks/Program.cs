using BenchmarkDotNet.Running;
using ProSpine.FaqBot.Benchmarks;

// Runs the benchmarks the command line selects, "--filter '*'" for all: see README.md, "Speed".
BenchmarkSwitcher.FromTypes([typeof(AnswerBenchmarks), typeof(DangerReadingBenchmarks)]).Run(args);
