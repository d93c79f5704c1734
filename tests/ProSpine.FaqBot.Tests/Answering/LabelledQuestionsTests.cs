using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Tests.Support;
using Xunit.Abstractions;

namespace ProSpine.FaqBot.Tests.Answering;

/// <summary>
/// The team's own labelled questions (tests/…/Data/labelled-questions.tsv), written independently of the FAQ's
/// alternates. Safety routes must be perfect; the overall floor guards against regressions.
/// </summary>
public sealed class LabelledQuestionsTests(ITestOutputHelper output)
{
    /// <summary>The accuracy reached when the thresholds in appsettings.json were last tuned; raise it, never lower it.</summary>
    private const double OverallFloor = 0.95;

    [Fact]
    public void Emergencies_and_crises_are_always_routed_to_911_and_988()
    {
        var report = Evaluate();

        Assert.Equal(1.0, report.Accuracy("emergency"));
        Assert.Equal(1.0, report.Accuracy("crisis"));
    }

    [Fact]
    public void The_labelled_set_scores_at_least_the_pinned_floor()
    {
        var report = Evaluate();

        output.WriteLine(report.Format(maxFailures: 100));
        Assert.True(report.Overall >= OverallFloor, report.Format());
    }

    // The set is answered once for both tests.
    private static readonly Lazy<EvaluationReport> Report = new(() =>
        LabelledQuestions.Evaluate(TestFaq.Answerer(), LabelledQuestions.Load(Repository.TestData("labelled-questions.tsv"))));

    private static EvaluationReport Evaluate() => Report.Value;
}
