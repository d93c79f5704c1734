using System.Globalization;
using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Every signal's evidence for one entry, the entries' regression's likeliest, read together when no rule of
/// <see cref="HybridMatcher"/> answered: each rule asks one or two signals to clear a bar, so a question each signal
/// supports somewhat ("local or general for the permanent pump placement?") fell to "not covered". A logistic model
/// over these readings, fitted on labelled tuning sets (<see cref="Weights"/>), says how likely the entry answers
/// what was asked.
/// </summary>
/// <param name="Regression">The entries' regression's probability of the entry.</param>
/// <param name="RegressionNotAnswered">The regression's probability of "a question the FAQ does not answer".</param>
/// <param name="Meaning">Cosine similarity to the entry's nearest phrasing.</param>
/// <param name="AheadOfUncovered">How much nearer the entry is than every question the FAQ does not answer.</param>
/// <param name="WordsAgree">The entries' words' probability when they find the same entry likeliest, else 0.</param>
/// <param name="Coverage">Share of the question's weighted terms the entry covers.</param>
public sealed record SignalsTogether(FaqEntry Entry, double Regression, double RegressionNotAnswered, double Meaning,
    double AheadOfUncovered, double WordsAgree, double Coverage)
{
    /// <summary>
    /// The intercept, then one weight per reading in the order of the parameters. Fitted by
    /// <c>tests/ProSpine.FaqBot.EncoderTuning/together.py</c> on the tuning sets' readings (<c>faq-curator together</c>).
    /// </summary>
    public static readonly double[] Weights = [-5.6921, -0.8552, -3.0220, 7.5220, 8.2287, 1.9553, 0.5101];

    /// <summary>The readings in the order of <see cref="Weights"/> (after the intercept).</summary>
    public double[] Readings =>
        [Regression, RegressionNotAnswered, Meaning, AheadOfUncovered, WordsAgree, Coverage];

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
        $"{Entry.Id} {Probability:F2} (regression {Regression:F2}, not answered {RegressionNotAnswered:F2}; meaning {Meaning:F2}, {AheadOfUncovered:F2} nearer than any question the FAQ does not answer; words {WordsAgree:F2}; coverage {Coverage:F2})");
}
