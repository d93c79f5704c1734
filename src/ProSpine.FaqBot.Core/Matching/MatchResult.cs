using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Matching;

public enum MatchOutcome
{
    /// <summary>One entry answers the question.</summary>
    Answer,
    /// <summary>Close call: the person should choose among <see cref="MatchResult.Candidates"/>.</summary>
    DidYouMean,
    /// <summary>No entry covers the question's words well enough.</summary>
    NotCovered,
}

/// <summary>An entry's score for a question, with its parts, for curators and tests.</summary>
/// <param name="Coverage">Share of the question's weighted terms the entry covers (0-1).</param>
/// <param name="Similarity">Weighted overlap with the entry's closest phrasing (0-1).</param>
public sealed record MatchCandidate(FaqEntry Entry, double Score, double Coverage, double Similarity, string ClosestPhrasing)
{
    /// <summary>Cosine similarity of the message's sentence vector to the entry's nearest phrasing, when it was read.</summary>
    public double? Meaning { get; init; }

    /// <summary>The entry's phrasing nearest in meaning, when the message was read.</summary>
    public string? MeaningPhrasing { get; init; }
}

/// <summary>What the matcher decided, and why.</summary>
/// <param name="Candidates">The best entries, best first: the chosen one and runners-up, the suggestions, or, when
/// nothing is covered, the closest entries (none close enough to answer).</param>
/// <param name="Terms">The question's terms after normalisation, synonyms and typo correction.</param>
public sealed record MatchResult(MatchOutcome Outcome, IReadOnlyList<MatchCandidate> Candidates, IReadOnlyList<string> Terms)
{
    public MatchCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>The question is worded exactly like one of the entry's phrasings.</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// The message was understood as a general question near the FAQ that the page does not answer (it is nearest a
    /// question of <c>not-covered.yaml</c>): a near miss, not an unreadable message.
    /// </summary>
    public bool NearMiss { get; init; }

    /// <summary>
    /// The words and the meaning answered, but the entries' regression and the entries' words both named another entry,
    /// or a question the FAQ does not answer, so the person is asked instead (<see cref="MatchOutcome.DidYouMean"/>). The
    /// message was understood as a question near the FAQ all the same: an unsure danger reading gives way to it as it
    /// gave way to the answer.
    /// </summary>
    public bool AnswerInDoubt { get; init; }

    /// <summary>
    /// Only the entries' regression answered (<see cref="EntryClassifier"/>), alone, with the entries' words
    /// (<see cref="EntryWords"/>) or with every signal read together (<see cref="SignalsTogether"/>): the words matcher and
    /// the nearest questions did not. Enough to answer a question; alone, not to set aside a danger read in the same
    /// message.
    /// </summary>
    public bool ByRegressionAlone { get; init; }

    /// <summary>
    /// Implies <see cref="ByRegressionAlone"/>: the entries' words named the same entry as the regression. Two
    /// readers of different kinds agreeing set aside an unsure danger reading when the message's words are not danger's
    /// (<c>Danger:WordsCalmBelow</c>).
    /// </summary>
    public bool ByRegressionWithWords { get; init; }

    /// <summary>
    /// Implies <see cref="ByRegressionAlone"/>: no rule answered, and every signal read together was sure enough of the
    /// entry (<see cref="SignalsTogether"/>). Like <see cref="ByRegressionWithWords"/>, it sets aside an unsure danger
    /// reading only when the message's words are not danger's.
    /// </summary>
    public bool BySignalsTogether { get; init; }

    /// <summary>
    /// When no rule answered by one or two signals: every signal's reading of each entry one of them found likeliest,
    /// the likeliest to answer first (<see cref="SignalsTogether"/>): what answered, or what was too unsure to.
    /// </summary>
    public IReadOnlyList<SignalsTogether> Together { get; init; } = [];

    /// <summary>Why the outcome was chosen, for curators and logs ("words and meaning agree"...); never shown.</summary>
    public string? Reason { get; init; }
}
