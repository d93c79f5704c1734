using System.Globalization;
using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Every signal's reading of one entry, read together when no rule of <see cref="HybridMatcher"/> answered: each rule
/// asks one or two signals to clear a bar of their own, so a question every signal leans toward ("local or general for
/// the permanent pump placement?") fell to "not covered". A logistic model over these readings, fitted on labelled
/// tuning sets (<see cref="Weights"/>), says how likely the entry answers what was asked.
/// </summary>
/// <param name="Evidence">The words matcher's evidence for the entry (<see cref="FaqMatcher.Evidence"/>): the entry, its
/// coverage and score, and the candidate an answer is given with.</param>
/// <param name="Regression">The entries' regression's probability of the entry.</param>
/// <param name="RegressionNotAnswered">The regression's probability of "a question the FAQ does not answer".</param>
/// <param name="Meaning">Cosine similarity to the entry's nearest phrasing.</param>
/// <param name="BehindNearest">How much nearer in meaning the meaning's nearest entry is (0 when it is this one).</param>
/// <param name="AheadOfUncovered">How much nearer the entry is than every question the FAQ does not answer.</param>
/// <param name="Words">The entries' words' probability of the entry.</param>
/// <param name="WordsNotAnswered">The entries' words' probability of "a question the FAQ does not answer".</param>
public sealed record SignalsTogether(MatchCandidate Evidence, double Regression, double RegressionNotAnswered, double Meaning,
    double BehindNearest, double AheadOfUncovered, double Words, double WordsNotAnswered)
{
    public FaqEntry Entry => Evidence.Entry;

    /// <summary>Share of the question's weighted terms the entry covers.</summary>
    public double Coverage => Evidence.Coverage;

    /// <summary>The words matcher's score for the entry.</summary>
    public double Score => Evidence.Score;

    /// <summary>
    /// The intercept, then one weight per reading in the order of <see cref="Readings"/>. Fitted by
    /// <c>tests/ProSpine.FaqBot.EncoderTuning/together.py</c> on the tuning sets' readings (<c>faq-curator together</c>).
    /// </summary>
    private static readonly double[] Weights = [-7.3179, 0.4108, -1.8142, 6.2862, 0.6068, 10.9898, 2.7072, 0.6112, 4.3207, -2.7787];

    /// <summary>The readings in the order of the parameters.</summary>
    public double[] Readings => [Regression, RegressionNotAnswered, Meaning, BehindNearest, AheadOfUncovered, Words, WordsNotAnswered, Coverage, Score];

    /// <summary>How likely the entry answers the question, by the fitted model.</summary>
    public double Probability
    {
        get
        {
            var readings = Readings;
            var z = Weights[0];
            for (var i = 0; i < readings.Length; i++)
                z += Weights[i + 1] * readings[i];
            return 1 / (1 + Math.Exp(-z));
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Entry.Id} {Probability:F2} (regression {Regression:F2}, not answered {RegressionNotAnswered:F2}; meaning {Meaning:F2}, {BehindNearest:F2} behind the nearest entry, {AheadOfUncovered:F2} ahead of the nearest question the FAQ does not answer; words {Words:F2}, not answered {WordsNotAnswered:F2}; coverage {Coverage:F2}, score {Score:F2})");
}
