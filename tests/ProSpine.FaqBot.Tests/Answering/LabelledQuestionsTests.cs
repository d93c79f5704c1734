using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Tests.Support;
using Xunit.Abstractions;

namespace ProSpine.FaqBot.Tests.Answering;

/// <summary>
/// The team's labelled questions in tests/…/Data, written independently of the FAQ's alternates:
/// <c>labelled-questions.tsv</c> (469 lines), then <c>patient-questions-b.tsv</c> (323) and <c>patient-questions-c.tsv</c>
/// (262, in the voice of patient forums and caregivers), each written later by someone who saw only the page and the
/// entries' questions and answers. Safety routes must be perfect; the overall floors
/// guard against regressions.
/// </summary>
public sealed class LabelledQuestionsTests(ITestOutputHelper output)
{
    /// <summary>The accuracy each set reached when the FAQ and thresholds were last tuned; raise them, never lower them.</summary>
    public static TheoryData<string, double> Sets => new()
    {
        { "labelled-questions.tsv", 0.959 },
        { "patient-questions-b.tsv", 0.962 },
        { "patient-questions-c.tsv", 0.954 },
    };

    public static TheoryData<string> SetNames => [.. Sets.Select(row => (string)row[0])];

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Emergencies_and_crises_are_always_routed_to_911_and_988(string set)
    {
        var report = Evaluate(set);

        Assert.Equal(1.0, report.Accuracy("emergency"));
        Assert.Equal(1.0, report.Accuracy("crisis"));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Each_labelled_set_scores_at_least_its_pinned_floor(string set, double floor)
    {
        var report = Evaluate(set);

        output.WriteLine(report.Format(maxFailures: 100));
        Assert.True(report.Overall >= floor, report.Format());
    }

    // Each set is answered once for both tests.
    private static readonly Dictionary<string, Lazy<EvaluationReport>> Reports = Sets
        .Select(row => (string)row[0])
        .ToDictionary(set => set, set => new Lazy<EvaluationReport>(() =>
            LabelledQuestions.Evaluate(TestFaq.Answerer(), LabelledQuestions.Load(Repository.TestData(set)))));

    private static EvaluationReport Evaluate(string set) => Reports[set].Value;
}
