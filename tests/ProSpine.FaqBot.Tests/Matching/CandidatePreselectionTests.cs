using System.Globalization;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Text;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Matching;

/// <summary>
/// The matcher scores only the entries its inverted index pre-selects, for speed. That must never change a result:
/// for each labelled question it must decide exactly as scoring every entry would, whatever the thresholds.
/// </summary>
public sealed class CandidatePreselectionTests
{
    private static readonly Lazy<FaqContent> Faq = new(() => FaqLoader.Load(Repository.Faq));

    [Fact]
    public void Every_labelled_question_gets_the_result_of_scoring_every_entry() =>
        AssertPreselectionChangesNothing(TestFaq.Answerer().Matcher);

    // 0: every entry is a candidate; 0.5: below the answer-word credit, so an entry may qualify by its answer alone.
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void Pre_selection_loses_nothing_at_any_coverage_threshold(double minCoverage)
    {
        var options = TestFaq.FreshSettings<MatchingOptions>();
        options.MinCoverage = minCoverage;

        AssertPreselectionChangesNothing(new FaqMatcher(Faq.Value.Entries, Faq.Value.Vocabulary, options));
    }

    private static void AssertPreselectionChangesNothing(FaqMatcher matcher)
    {
        var differences = LabelledQuestions.Load(Repository.TestData("labelled-questions.tsv"))
            .Select(q => TextNormalizer.Words(q.Question))
            .Where(words => words.Count > 0)
            .Select(words => (Words: string.Join(' ', words), Preselected: Describe(matcher.Match(words)), Exhaustive: Describe(matcher.MatchExhaustively(words))))
            .Where(r => r.Preselected != r.Exhaustive)
            .Select(r => $"{r.Words}\n  pre-selected: {r.Preselected}\n  exhaustive:   {r.Exhaustive}")
            .ToList();

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>Everything a result says, scores to the last bit.</summary>
    private static string Describe(MatchResult result) =>
        $"{result.Outcome} [{string.Join(' ', result.Terms)}] " + string.Join("; ", result.Candidates.Select(c => string.Create(
            CultureInfo.InvariantCulture, $"{c.Entry.Id} {c.Score:R} {c.Coverage:R} {c.Similarity:R} \"{c.ClosestPhrasing}\"")));
}
