using System.Globalization;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Text;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Matching;

/// <summary>
/// The matcher scores only the phrasings its inverted index pre-selects, for speed. That must never change a result:
/// for each labelled question it must decide exactly as scoring every phrasing of every entry would.
/// </summary>
public sealed class CandidatePreselectionTests
{
    [Fact]
    public void Every_labelled_question_gets_the_result_of_scoring_every_entry()
    {
        var matcher = TestFaq.Answerer().Matcher;
        var questions = LabelledQuestions.Load(Repository.TestData("labelled-questions.tsv"));

        var differences = questions
            .Select(q => TextNormalizer.Words(q.Question))
            .Where(words => words.Count > 0)
            .Select(words => (Words: string.Join(' ', words), Preselected: Describe(matcher.Match(words)), Exhaustive: Describe(matcher.MatchExhaustively(words))))
            .Where(r => r.Preselected != r.Exhaustive)
            .Select(r => $"{r.Words}\n  pre-selected: {r.Preselected}\n  exhaustive:   {r.Exhaustive}")
            .ToList();

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>Everything a result says, scores to 12 decimals (sums may add the same weights in another order).</summary>
    private static string Describe(MatchResult result) =>
        $"{result.Outcome} [{string.Join(' ', result.Terms)}] " + string.Join("; ", result.Candidates.Select(c => string.Create(
            CultureInfo.InvariantCulture, $"{c.Entry.Id} {c.Score:F12} {c.Coverage:F12} {c.Similarity:F12} \"{c.ClosestPhrasing}\"")));
}
