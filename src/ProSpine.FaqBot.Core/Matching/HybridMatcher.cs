using System.Globalization;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Matching;

/// <summary>
/// Chooses the entry on two signals together: the words (<see cref="FaqMatcher"/>: weighted coverage, typo
/// correction, patients' vocabulary) and the meaning (<see cref="SemanticIndex"/>: the message's sentence vector
/// against every phrasing's). A confident wrong answer costs a patient more than a "Did you mean", so:
/// <list type="bullet">
/// <item>An answer needs both: the words cover the entry and its meaning is (nearly) the closest, or the meaning is
/// clearly closest and the words support it well, naming nothing the FAQ never mentions. Or the meaning alone, when
/// the message is close to one entry's questions (as curated, and as patients asked them) and clearly farther from
/// every question the FAQ does not answer, and names nothing that only such questions name. Or the entries'
/// regression: all but sure alone, or less sure when the meaning's nearest entry is the same, or when the entries' words
/// (<see cref="EntryWords"/>) name the same entry.</item>
/// <item>Either way the entry must cover the question's negation and answer-kind words (<see cref="QualifierCheck"/>),
/// which embeddings barely see.</item>
/// <item>Neither answers a message that means a curated question the FAQ does not answer (<c>not-covered.yaml</c>) more
/// than it means the entry: a near miss ("how long does the pump <em>battery</em> last").</item>
/// <item>An answer becomes a "Did you mean" when the entries' regression and the entries' words both name another entry,
/// or both a question the FAQ does not answer.</item>
/// <item>When no rule answers, every signal's readings of the entries one of them finds likeliest are weighed together
/// by a model fitted on labelled questions (<see cref="SignalsTogether"/>); the likeliest entry is answered when the
/// model is sure enough (<see cref="MatchingOptions.TogetherAnswer"/>) and the qualifier check passes.</item>
/// <item>When the signals disagree, or only one is strong, the closest entries are offered under "Did you mean". When
/// the words' choice is set aside, another entry is answered only if the regression is all but sure of it or the
/// entries' words name it too.</item>
/// </list>
/// Without a vector (a message the model did not read), the words decide alone, as before. Immutable and thread-safe.
/// </summary>
public sealed class HybridMatcher
{
    private readonly FaqMatcher words;
    private readonly SemanticIndex meaning;
    private readonly QualifierCheck qualifiers;
    private readonly MatchingOptions options;
    /// <summary>Per entry, the terms of the questions patients asked it (<c>faq/asked.yaml</c>).</summary>
    private readonly Dictionary<string, HashSet<string>> askedTerms;
    /// <summary>Per question the page does not answer (by its source line), the words it negates.</summary>
    private readonly Dictionary<string, IReadOnlySet<string>> uncoveredNegated;
    /// <summary>The terms of the questions the page does not answer (<c>not-covered.yaml</c>, and as patients asked them).</summary>
    private readonly HashSet<string> uncoveredTerms;
    /// <summary>The entries' words: which entry a message's terms name, learned from the same questions as the meaning's regression.</summary>
    private readonly EntryWords entryWords;
    /// <summary>Each entry's position among the regressions' classes.</summary>
    private readonly Dictionary<string, int> entryIndex;

    /// <param name="kept">
    /// Returns the entries' words' weights kept under a key naming their questions, or computes and keeps them
    /// (<c>CuratedEmbeddings.Derived</c>); by default they are learned each time.
    /// </param>
    public HybridMatcher(FaqMatcher words, SemanticIndex meaning, QualifierCheck qualifiers, AskedQuestions asked, MatchingOptions options,
        Func<string, Func<float[][]>, float[][]>? kept = null)
    {
        this.words = words ?? throw new ArgumentNullException(nameof(words));
        this.meaning = meaning ?? throw new ArgumentNullException(nameof(meaning));
        this.qualifiers = qualifiers ?? throw new ArgumentNullException(nameof(qualifiers));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(asked);
        askedTerms = asked.Items
            .Where(q => q.EntryId is not null)
            .GroupBy(q => q.EntryId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(q => words.Terms(q.Text)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        uncoveredTerms = meaning.Uncovered.SelectMany(q => words.Terms(q.Text)).ToHashSet(StringComparer.Ordinal);
        uncoveredNegated = meaning.Uncovered
            .DistinctBy(q => q.Source)
            .ToDictionary(q => q.Source, q => QualifierCheck.Negated(TextNormalizer.Words(q.Text)), StringComparer.Ordinal);
        // The same questions the entries' regression learns, read as the words matcher reads them.
        var examples = meaning.LearnedQuestions
            .Select(q => (Terms: words.Terms(q.Text), q.Entry))
            .Where(e => e.Terms.Count > 0)
            .ToList();
        entryWords = EntryWords.Learn(meaning.Entries, examples, kept ?? ((_, compute) => compute()));
        entryIndex = meaning.Entries.Select((e, i) => (e.Id, i)).ToDictionary(e => e.Id, e => e.i, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the words the FAQ never uses leave the meaning free to answer <paramref name="entry"/> alone. Such a word
    /// is often the point of another question ("is the pump <em>cheaper</em> than pills"), so it blocks the answer when a
    /// question the page does not answer uses it and no question patients asked of this entry does; a word used in
    /// neither ("my <em>neighbor</em> says...") is left to the meaning, which must then lead every uncovered question.
    /// </summary>
    private bool UnknownTermsAllowMeaning(MatchResult lexical, string entry)
    {
        var known = askedTerms.GetValueOrDefault(entry);
        return words.UnknownTerms(lexical).All(t => known?.Contains(t) == true || !uncoveredTerms.Contains(t));
    }

    /// <summary>The least probability at which the entries' regression answers alone (<see cref="MatchingOptions.RegressionAnswer"/>).</summary>
    public double? RegressionAnswer => options.RegressionAnswer;

    /// <summary>The least probability at which the signals read together answer (<see cref="MatchingOptions.TogetherAnswer"/>).</summary>
    public double? TogetherAnswer => options.TogetherAnswer;

    /// <summary>Whether the entries' regression may answer: it is not turned off, and it learned enough questions the FAQ does not answer.</summary>
    private bool RegressionAnswers =>
        options.RegressionAnswer is not null && meaning.Uncovered.Count >= options.RegressionMinimumUncovered;

    /// <summary>
    /// Whether the entries' regression also finds <paramref name="entry"/> the likeliest for <paramref name="vector"/>:
    /// it learned the questions the FAQ does not answer, so it tells an answer to what a message asks from an answer
    /// that is only near it. Where it may not answer (too few such questions learned, or turned off) it does not veto.
    /// </summary>
    public bool RegressionBacks(FaqEntry entry, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(vector);
        return !RegressionAnswers || meaning.Likeliest(vector).Entry == entry;
    }

    /// <summary>The entry the entries' words (<see cref="EntryWords"/>) find likeliest for a message's matching terms.</summary>
    public EntryGuess WordsGuess(IReadOnlyList<string> terms) => entryWords.Likeliest(terms);

    /// <summary>Matches normalised <paramref name="question"/> words, with the message's sentence vector if it was read.</summary>
    /// <param name="qualified">The words whose negations, answer-kind words and conditions an entry must cover (<see cref="QualifierCheck"/>),
    /// when they are not all of <paramref name="question"/>'s: a negation told in a story beside the question is not asked.</param>
    public MatchResult Match(IReadOnlyList<string> question, float[]? vector, IReadOnlyList<string>? qualified = null) =>
        Match(question, vector is null ? null : meaning.Read(vector), qualified);

    /// <summary>
    /// Matches normalised <paramref name="question"/> words, with the message's meaning if it was read: what this looks
    /// up in <paramref name="message"/> is kept there for the message's other readers (small talk by meaning).
    /// </summary>
    /// <param name="qualified">As above.</param>
    public MatchResult Match(IReadOnlyList<string> question, MessageMeaning? message, IReadOnlyList<string>? qualified = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (message is not null && !message.IsReadBy(meaning))
            throw new ArgumentException("The message was read by another FAQ's index.", nameof(message));
        // What the message asks besides its topic, read at most once however many entries it is weighed against.
        var asked = new Lazy<AskedQualifiers>(() => QualifierCheck.Of(qualified ?? question));
        var lexical = words.Match(question);
        if (lexical.Exact)
            return lexical with { Reason = "worded like a phrasing" };
        if (message is null || lexical.Terms.Count == 0)
            return lexical with { Reason = "words only" };

        var vector = message.Vector;
        var ranking = message.Ranking;
        var closeness = ranking.ToDictionary(c => c.Entry.Id, StringComparer.Ordinal);
        MatchCandidate WithMeaning(MatchCandidate c) => closeness.TryGetValue(c.Entry.Id, out var s)
            ? c with { Meaning = s.Similarity, MeaningPhrasing = s.NearestPhrasing }
            : c;
        var lexicalCandidates = lexical.Candidates.Select(WithMeaning).ToList();
        // The entries nearest in meaning, with the words' evidence for each (curators see both).
        var nearest = ranking.Take(options.MaxSuggestions)
            .Select(s => words.Evidence(lexical, s.Entry) is { } evidence ? WithMeaning(evidence) : null)
            .OfType<MatchCandidate>()
            .ToList();
        if (nearest.Count == 0)
            return lexical with { Candidates = lexicalCandidates, Reason = "words only" };
        var best = ranking[0];
        var lead = ranking.Count > 1 ? best.Similarity - ranking[1].Similarity : 1.0;
        // A near miss: the message means a question curated as not answered about as much as it means the entry. Only
        // a question the message could be asking counts: sentence vectors barely see a negation, so "when is a pump
        // not recommended" must not stop "when is a pump recommended". (Answer-kind words are not required likewise:
        // "have your doctors done a lot of these" asks what "how many pumps have they implanted" asks.)
        // Looked up once, and only when an answer is in sight or no rule answered (the signals read together use it).
        var nearestUncovered = new Lazy<SemanticUncovered?>(() =>
            message.NearestUncovered(q => uncoveredNegated[q.Source].IsSubsetOf(asked.Value.Negated)));
        // How much nearer the closest entry is than every question the FAQ does not answer.
        double UncoveredLead() => best.Similarity - (nearestUncovered.Value?.Similarity ?? 0);
        // The regression's guess, also looked up only when needed: it tells a paraphrase from a near miss.
        var guess = new Lazy<EntryGuess>(() => meaning.Likeliest(vector));
        // The entries' words' guess, looked up at most once: the agreement and the doubt both ask it.
        var wordsGuess = new Lazy<EntryGuess>(() => entryWords.Likeliest(lexical.Terms));
        bool RegressionIsSure(FaqEntry entry) =>
            RegressionAnswers && guess.Value.Entry == entry && guess.Value.Probability >= options.RegressionAnswer;
        // Whether the entries' words find this entry likeliest, sure enough to back another signal. They learned beside the
        // entries' regression, on the same questions: where it may not answer, they are not read either.
        bool EntryWordsName(FaqEntry entry) =>
            RegressionAnswers && wordsGuess.Value.Entry == entry && wordsGuess.Value.Probability >= options.EntryWordsProbability;
        SemanticUncovered? NearMissOf(double entryMeaning, double margin) =>
            nearestUncovered.Value is { } nearest
            && nearest.Similarity >= options.UncoveredFloor && nearest.Similarity >= entryMeaning + margin
                ? nearest
                : null;

        if (lexical.Outcome == MatchOutcome.Answer)
        {
            var chosen = lexicalCandidates[0];
            if (WordsChoiceOverruled(chosen) is not { } overruled)
                return UnlessDoubted(lexical with { Candidates = lexicalCandidates, Reason = "words and meaning agree" });
            // The words' entry is not what the message asks. The meaning may still name another entry on its own
            // evidence ("will the implant operation take all day" has the words of "when does the medication start"),
            // but only with the entries' regression all but sure, or the entries' words naming the same entry: two signals
            // against the words, not one. ("What's the whole point of getting a pump" has the words of "at what point is a
            // pump an option"; the entries' words, which weigh each word by the entries whose questions use it, do not.)
            return ByMeaningOrRegression(overruledWords: chosen.Entry) is { } other
                ? UnlessDoubted(other with { Reason = $"{other.Reason}; the words' choice was set aside: {overruled.Reason}" })
                : overruled;
        }
        return ByMeaningOrRegression(overruledWords: null) is { } decided ? UnlessDoubted(decided) : Undecided();

        // The rules' answer, unless both regressions, the meaning's and the words', name another entry or a question the
        // FAQ does not answer: two readings that learned from every question asked outvote the nearest questions' one.
        // Their entry is answered instead when it is also the meaning's nearest, close enough to answer by meaning
        // (MeaningAnswer); otherwise the person is asked, their entry first.
        MatchResult UnlessDoubted(MatchResult answer)
        {
            if (options.RegressionsDoubt is not { } doubt || !RegressionAnswers || answer.Outcome != MatchOutcome.Answer)
                return answer;
            var byWords = wordsGuess.Value;
            if (byWords.Entry != guess.Value.Entry || byWords.Entry == answer.Best!.Entry
                || byWords.Probability < doubt || guess.Value.Probability < doubt)
                return answer;
            var why = Invariant($"the entries' regression ({guess.Value.Probability:F2}) and words ({byWords.Probability:F2}) name {byWords.Entry?.Id ?? "a question the FAQ does not answer"}");
            if (byWords.Entry is not { } named || words.Evidence(lexical, named) is not { } evidence)
                return Suggest(lexical, [answer.Best, .. nearest], $"{answer.Reason}, but {why}") with { AnswerInDoubt = true };
            var theirs = WithMeaning(evidence);
            if (best.Entry == named && best.Similarity >= options.MeaningAnswer && qualifiers.Uncovered(asked.Value, theirs).Count == 0)
                return new MatchResult(MatchOutcome.Answer, [theirs, answer.Best, .. nearest.Where(c => c.Entry != named && c.Entry != answer.Best.Entry)], lexical.Terms)
                {
                    Reason = Invariant($"{why}, the nearest in meaning ({best.Similarity:F2}), not {answer.Best.Entry.Id}"),
                };
            return Suggest(lexical, [theirs, answer.Best, .. nearest], $"{answer.Reason}, but {why}") with { AnswerInDoubt = true };
        }

        // Why the meaning or a near miss overrules the words' choice, as a "Did you mean"; null when nothing does.
        MatchResult? WordsChoiceOverruled(MatchCandidate chosen)
        {
            if (qualifiers.Uncovered(asked.Value, chosen) is { Count: > 0 } missing)
                return Suggest(lexical, [chosen, .. nearest], $"the words chose {chosen.Entry.Id}, which does not ask \"{string.Join(' ', missing)}\"");
            // Words that match this well found the FAQ's own wording: only a near miss clearly closer overrules them.
            var margin = chosen.Score >= options.WordsOverrule ? options.UncoveredMarginForStrongWords : options.UncoveredMargin;
            if (NearMissOf(chosen.Meaning ?? 0, margin) is { } nearMiss && !RegressionIsSure(chosen.Entry))
                return Suggest(lexical, [chosen, .. nearest], Invariant($"nearer a question the FAQ does not answer ({nearMiss.Question.Source}, {nearMiss.Similarity:F2} against {chosen.Meaning:F2}): \"{nearMiss.Question.Text}\"")) with { NearMiss = true };
            // Words that match this well (the FAQ's own wording, typos corrected) overrule a meaning that prefers a
            // neighbour: sentence vectors blur entries on one topic ("the trial" and "what happens in the trial").
            // The meaning's favourite is a real rival only if the words support it somewhat too, and only if the
            // meaning finds the words' choice less than close (it would have chosen it alone at MeaningAnswer).
            if (chosen.Score < options.WordsOverrule && chosen.Meaning < options.MeaningAnswer
                && chosen.Meaning < best.Similarity - options.MeaningAgreement
                && nearest[0].Entry.Id == best.Entry.Id && nearest[0].Coverage >= options.RivalWordSupport)
                // The meaning's entry first: on the tuning sets it was the one asked 10 times in 11.
                return Suggest(lexical, [nearest[0], chosen, .. nearest], Invariant($"signals disagree: words {chosen.Entry.Id}, meaning {best.Entry.Id} ({best.Similarity:F2} against {chosen.Meaning:F2}; its coverage {nearest[0].Coverage:F2})"));
            return null;
        }

        // The words alone were not enough (or chose what the message does not ask): the meaning may settle it when its
        // entry is clearly closest, asks what the question asks, and either the words back it or it is clear enough
        // alone; last, the entries' regression. When it overrules the words, the regression or the entries' words must back
        // the meaning.
        MatchResult? ByMeaningOrRegression(FaqEntry? overruledWords)
        {
            var byMeaning = nearest[0];
            MatchResult ByMeaning(string reason) =>
                new(MatchOutcome.Answer, [byMeaning, .. nearest.Skip(1)], lexical.Terms) { Reason = reason };
            var mayAnswer = overruledWords is null
                || (byMeaning.Entry != overruledWords && (RegressionIsSure(byMeaning.Entry) || EntryWordsName(byMeaning.Entry)));
            if (mayAnswer && byMeaning.Entry.Id == best.Entry.Id && lead >= options.MeaningMargin && qualifiers.Uncovered(asked.Value, byMeaning).Count == 0)
            {
                if (best.Similarity >= options.MeaningAnswer
                    && byMeaning.Coverage >= options.MeaningWordSupport
                    // The words would at least suggest it: a curator's stricter SuggestThreshold holds for both signals.
                    && byMeaning.Score >= options.SuggestThreshold
                    && words.UnknownTerms(lexical).Count == 0
                    && NearMissOf(best.Similarity, options.UncoveredMargin) is null)
                    return ByMeaning(Invariant($"meaning {best.Similarity:F2}, backed by the words (coverage {byMeaning.Coverage:F2})"));
                // Alone, when the message is very close to the questions of one entry (phrasings, and as patients asked
                // it) and clearly farther from every question curated as not answered: the near misses had somewhere to go.
                if (best.Similarity >= options.MeaningAlone
                    && UncoveredLead() >= options.MeaningAloneLead
                    && UnknownTermsAllowMeaning(lexical, best.Entry.Id))
                    return ByMeaning(Invariant($"meaning {best.Similarity:F2} alone, {UncoveredLead():F2} nearer than any question the FAQ does not answer"));
            }
            // Or the regression and the meaning agree, less sure each: the regression's likeliest entry is the meaning's
            // nearest, close enough to be offered (MeaningSuggest) and clearly nearer than every question the FAQ does
            // not answer ("what problems can a drug pump fix" is 0.83 used-for, and nearest to it).
            if (mayAnswer && RegressionAnswers && options.RegressionWithMeaning is { } agreeing
                && guess.Value.Entry == best.Entry && byMeaning.Entry == best.Entry && guess.Value.Probability >= agreeing
                && best.Similarity >= options.MeaningSuggest && UncoveredLead() >= options.MeaningAloneLead
                && qualifiers.Uncovered(asked.Value, byMeaning).Count == 0
                && UnknownTermsAllowMeaning(lexical, best.Entry.Id))
                return ByMeaning(Invariant($"meaning {best.Similarity:F2} and the entries' regression {guess.Value.Probability:F2} agree"));
            // Or the entries' regression and the entries' words agree, each less sure, on an entry close enough in meaning
            // ("hw lng do these pumps last"): the sentence model reads typos and rare words poorly, the terms do not.
            if (mayAnswer && RegressionAnswers && options.WordsWithRegression is { } both
                && guess.Value.Entry is { } agreed && agreed != overruledWords && guess.Value.Probability >= both
                && EntryWordsName(agreed)
                && closeness.TryGetValue(agreed.Id, out var agreedMeaning) && agreedMeaning.Similarity >= options.EntryWordsMeaning
                && words.Evidence(lexical, agreed) is { } agreedEvidence
                && qualifiers.Uncovered(asked.Value, agreedEvidence).Count == 0
                && UnknownTermsAllowMeaning(lexical, agreed.Id))
                return new MatchResult(MatchOutcome.Answer, [WithMeaning(agreedEvidence), .. nearest.Where(c => c.Entry != agreed)], lexical.Terms)
                {
                    Reason = Invariant($"the entries' regression {guess.Value.Probability:F2} and the entries' words {wordsGuess.Value.Probability:F2} agree on {agreed.Id}"),
                    ByRegressionAlone = true,
                    ByRegressionWithWords = true,
                };
            // Last, the regression over every question asked of each entry and every question the FAQ does not answer: a
            // paraphrase near no single question, when it is all but sure and the entry asks what the question asks.
            if (RegressionAnswers && guess.Value.Entry is { } likeliest && likeliest != overruledWords && RegressionIsSure(likeliest)
                && words.Evidence(lexical, likeliest) is { } evidence
                && qualifiers.Uncovered(asked.Value, evidence).Count == 0)
                return new MatchResult(MatchOutcome.Answer, [WithMeaning(evidence), .. nearest.Where(c => c.Entry != likeliest)], lexical.Terms)
                {
                    Reason = Invariant($"the entries' regression: {likeliest.Id} {guess.Value.Probability:F2}"),
                    ByRegressionAlone = true,
                };
            return null;
        }

        // No rule answered. Read together, the signals may still be sure enough of one entry (SignalsTogether);
        // otherwise the closest entries are offered when either signal is close.
        MatchResult Undecided()
        {
            var together = Together();
            if (together.FirstOrDefault() is { } likeliest && options.TogetherAnswer is { } sure && likeliest.Probability >= sure
                && qualifiers.Uncovered(asked.Value, likeliest.Evidence).Count == 0)
                return new MatchResult(MatchOutcome.Answer, [WithMeaning(likeliest.Evidence), .. nearest.Where(c => c.Entry != likeliest.Entry)], lexical.Terms)
                {
                    Reason = $"the signals together: {likeliest}",
                    ByRegressionAlone = true,
                    BySignalsTogether = true,
                    Together = together,
                };
            return Unanswered() with { Together = together };
        }

        MatchResult Unanswered()
        {
            var close = nearest.Where(c => c.Meaning >= options.MeaningSuggest && c.Meaning >= best.Similarity - options.MeaningSpread).ToList();
            if (lexical.Outcome == MatchOutcome.DidYouMean || close.Count > 0)
                return Suggest(lexical, [.. lexicalCandidates.Where(_ => lexical.Outcome == MatchOutcome.DidYouMean), .. close],
                    lexical.Outcome == MatchOutcome.DidYouMean ? "the words hesitate" : "close in meaning, not in words");
            return lexical with { Candidates = lexicalCandidates, Reason = "neither signal is close" };
        }

        // Each signal's reading of the entries any of them finds likeliest (the regression's, the meaning's nearest, the
        // words matcher's and the entries' words'), the likeliest to answer first.
        List<SignalsTogether> Together()
        {
            if (!RegressionAnswers)
                return [];
            var byRegression = meaning.Probabilities(vector);
            var byWords = entryWords.Probabilities(lexical.Terms);
            var notAnswered = byRegression.Length - 1;
            var uncoveredSimilarity = nearestUncovered.Value?.Similarity ?? 0;
            FaqEntry?[] likeliest = [guess.Value.Entry, best.Entry, lexicalCandidates.FirstOrDefault()?.Entry, wordsGuess.Value.Entry];
            List<SignalsTogether> read = [];
            foreach (var entry in likeliest.OfType<FaqEntry>().Distinct())
            {
                if (entryIndex.TryGetValue(entry.Id, out var index) && closeness.TryGetValue(entry.Id, out var near)
                    && words.Evidence(lexical, entry) is { } evidence)
                    read.Add(new SignalsTogether(evidence, byRegression[index], byRegression[notAnswered], near.Similarity,
                        best.Similarity - near.Similarity, near.Similarity - uncoveredSimilarity, byWords[index], byWords[notAnswered]));
            }
            return [.. read.OrderByDescending(t => t.Probability)];
        }
    }

    /// <summary>"Did you mean" with <paramref name="candidates"/>, each entry once, first come first.</summary>
    private MatchResult Suggest(MatchResult lexical, IEnumerable<MatchCandidate> candidates, string reason)
    {
        var distinct = candidates.DistinctBy(c => c.Entry.Id).Take(options.MaxSuggestions).ToList();
        return new MatchResult(MatchOutcome.DidYouMean, distinct, lexical.Terms) { Reason = reason };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
