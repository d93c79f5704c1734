using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Tests.Matching;

/// <summary>
/// The decision on the words and the meaning together, on a small made-up FAQ. Each phrasing's vector points along
/// its entry's own axis (<see cref="TopicEncoder"/>), and each test gives the message's vector itself, so it decides
/// exactly what the meaning says. Each curated question the FAQ does not answer ("does a pump have a battery", "who
/// should not get a pump") has an axis of its own, and so has the one patients asked ("is a pump cheaper than pills"); the question patients asked of
/// the refill entry lies on its axis.
/// </summary>
public sealed class HybridMatcherTests
{
    private static readonly string[] Topics = ["lifespan", "refill", "candidates", "name", "battery", "asked", "reversed"];

    private static readonly IReadOnlyList<FaqEntry> Entries =
    [
        Entry("lifespan", "How long does a pump last?", "how many years does a pump last", "when does a pump wear out"),
        Entry("refill", "How is a pump refilled?", "how do they refill a pump", "refill visit for a pump"),
        Entry("candidates", "Who should get a pump?", "what if other treatments do not work", "who is a candidate for a pump"),
        Entry("name", "Did the clinic change its name?", "what was the clinic called before", "new clinic name"),
    ];

    private static readonly UncoveredQuestions Uncovered = new([
        new UncoveredQuestion("Does a pump have a battery?", "battery", "faq/not-covered.yaml:2"),
        new UncoveredQuestion("Who should not get a pump?", "reversed", "faq/not-covered.yaml:4"),
    ]);

    private static readonly AskedQuestions Asked = new([
        new AskedQuestion("is a refill visit cheaper than a new pump", "refill", "faq/asked.yaml:2"),
        new AskedQuestion("is a pump cheaper than pills", null, "faq/asked.yaml:4"),
    ]);

    // The rules before the entries' regression, alone; the regression's own tests use WithRegression.
    private static readonly MatchingOptions Options = new() { RegressionAnswer = null };

    private static readonly FaqMatcher Words = new(Entries, new Vocabulary(
            new Dictionary<string, IReadOnlyList<string>>(),
            new Dictionary<string, string>(),
            new HashSet<string> { "a", "the", "its", "they", "i", "are", "my" },
            new HashSet<string> { "how", "who", "what", "when", "why", "does", "do", "is", "did", "should", "if", "not", "for", "long", "many", "get" }),
        Options);

    private static readonly SemanticIndex Meaning = new(Entries, Uncovered, Asked, new CuratedEmbeddings(new TopicEncoder(AxisOfEachText(), Topics.Length + 1)));

    private static readonly HybridMatcher Matcher = new(Words, Meaning, new QualifierCheck(Entries), Asked, Options);

    // This FAQ has only three questions it does not answer; the shipped one has a thousand. The regression's rules
    // alone: the signals read together have tests of their own.
    private static readonly HybridMatcher WithRegression = new(Words, Meaning, new QualifierCheck(Entries), Asked,
        new MatchingOptions { RegressionMinimumUncovered = 0, TogetherAnswer = null });

    [Fact]
    public void Words_and_meaning_that_agree_answer()
    {
        var result = Match("how many years will a pump last", Toward("lifespan"));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("lifespan", result.Best!.Entry.Id);
        Assert.Equal(1.0, result.Best.Meaning!.Value, 3);
    }

    [Fact]
    public void A_reversed_question_is_not_given_the_answer_it_reverses()
    {
        var result = Match("who should not get a pump", Toward("candidates"));

        Assert.NotEqual(MatchOutcome.Answer, result.Outcome);
        Assert.Contains("not get", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negation_the_entry_also_negates_is_answered()
    {
        var result = Match("what if the other treatments do not work", Toward("candidates"));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("candidates", result.Best!.Entry.Id);
    }

    [Fact]
    public void A_question_asking_why_is_not_answered_by_an_entry_that_never_asks_why()
    {
        var result = Match("why did the clinic change its name", Toward("name"));

        Assert.Equal(MatchOutcome.DidYouMean, result.Outcome);
        Assert.Equal("name", result.Best!.Entry.Id);
    }

    [Fact]
    public void A_meaning_that_prefers_an_entry_the_words_barely_support_does_not_overrule_the_words()
    {
        // Every word is in a phrasing of "lifespan"; "refill" shares only "pump" and "refill" with it.
        var result = Match("when does a pump wear out refill", Toward("refill"));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("lifespan", result.Best!.Entry.Id);
        Assert.Equal(0.0, result.Best.Meaning!.Value, 3);
    }

    [Fact]
    public void The_meaning_alone_never_answers_with_a_word_the_faq_never_uses_but_an_uncovered_question_does()
    {
        var result = Match("how long does the pump battery last", Toward("lifespan"));

        Assert.NotEqual(MatchOutcome.Answer, result.Outcome);
    }

    [Fact]
    public void The_meaning_alone_answers_when_it_is_close_and_clearly_nearer_than_every_uncovered_question()
    {
        // "top" and "up" are words the FAQ never uses, and no question it does not answer uses them either.
        var result = Match("my top up visits", Toward("refill", 0.85));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("refill", result.Best!.Entry.Id);
        Assert.Contains("alone", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_meaning_alone_does_not_answer_without_a_clear_lead_over_an_uncovered_question()
    {
        var result = Match("my top up visits", Between("refill", 0.85, "asked", 0.82));

        Assert.NotEqual(MatchOutcome.Answer, result.Outcome);
    }

    [Fact]
    public void A_word_of_an_uncovered_question_blocks_the_meaning_alone_unless_patients_used_it_asking_the_entry()
    {
        // "cheaper" is in a question the page does not answer; patients asked the refill entry with it, not this one.
        var blocked = Match("are candidates cheaper", Toward("candidates", 0.9));
        var allowed = Match("are refills cheaper", Toward("refill", 0.9));

        Assert.NotEqual(MatchOutcome.Answer, blocked.Outcome);
        Assert.Equal(MatchOutcome.Answer, allowed.Outcome);
        Assert.Equal("refill", allowed.Best!.Entry.Id);
    }

    [Fact]
    public void Close_in_meaning_but_not_in_words_is_a_suggestion_not_an_answer()
    {
        var result = Match("upkeep schedule", Toward("refill", 0.77));

        Assert.Equal(MatchOutcome.DidYouMean, result.Outcome);
        Assert.Equal("refill", result.Best!.Entry.Id);
    }

    [Fact]
    public void Far_in_meaning_and_in_words_is_not_covered()
    {
        var result = Match("parking downtown", Toward("refill", 0.3));

        Assert.Equal(MatchOutcome.NotCovered, result.Outcome);
    }

    [Fact]
    public void Words_that_cover_an_entry_do_not_answer_a_message_that_means_a_question_the_faq_does_not_answer()
    {
        // Every word is in a phrasing, but the meaning is nearer "does a pump have a battery" (0.8) than the entry (0.6).
        var result = Match("how many years will a pump last", Between("lifespan", 0.6, "battery", 0.8));

        Assert.Equal(MatchOutcome.DidYouMean, result.Outcome);
        Assert.True(result.NearMiss);
        Assert.Equal("lifespan", result.Best!.Entry.Id);
        Assert.Contains("faq/not-covered.yaml:2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_nearer_in_meaning_than_any_uncovered_question_is_answered()
    {
        var result = Match("how many years will a pump last", Between("lifespan", 0.8, "battery", 0.6));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.False(result.NearMiss);
    }

    [Fact]
    public void An_uncovered_question_that_negates_what_the_message_does_not_is_no_near_miss()
    {
        // Sentence vectors barely see "not": "who should not get a pump" is near in meaning but asks the reverse.
        var result = Match("who is a candidate to get a pump", Between("candidates", 0.8, "reversed", 0.9));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("candidates", result.Best!.Entry.Id);
    }

    [Fact]
    public void An_uncovered_question_below_the_floor_leaves_the_words_to_decide()
    {
        // Both far (typos, a very short message): the meaning says little, and the words answer.
        var result = Match("how many years will a pump last", Between("lifespan", 0.3, "battery", 0.5));

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
    }

    [Fact]
    public void The_entries_regression_answers_when_it_is_sure_where_the_other_rules_only_suggest()
    {
        // "cheaper" belongs to a question the page does not answer, which stops the nearest questions from answering
        // alone; the regression, which learned that question as well as the entry's, is sure all the same.
        var sure = Toward("candidates", 0.9);
        var unsure = Toward("refill", 0.77);

        var rulesAlone = Match("are candidates cheaper", sure);
        var answered = WithRegression.Match(TextNormalizer.Words("are candidates cheaper"), sure);
        var suggested = WithRegression.Match(TextNormalizer.Words("upkeep schedule"), unsure);

        Assert.NotEqual(MatchOutcome.Answer, rulesAlone.Outcome);
        Assert.Equal(MatchOutcome.Answer, answered.Outcome);
        Assert.Equal("candidates", answered.Best!.Entry.Id);
        Assert.True(answered.ByRegressionAlone);
        Assert.Contains("regression", answered.Reason, StringComparison.Ordinal);
        Assert.Equal("refill", Meaning.Likeliest(unsure).Entry?.Id);
        Assert.True(Meaning.Likeliest(unsure).Probability < 0.9);
        Assert.Equal(MatchOutcome.DidYouMean, suggested.Outcome);
    }

    [Fact]
    public void The_entries_regression_does_not_answer_before_it_has_learned_enough_questions_the_faq_does_not_answer()
    {
        var fewUncovered = new HybridMatcher(Words, Meaning, new QualifierCheck(Entries), Asked, new MatchingOptions { RegressionMinimumUncovered = 4 });

        var result = fewUncovered.Match(TextNormalizer.Words("are candidates cheaper"), Toward("candidates", 0.9));

        Assert.Equal("candidates", Meaning.Likeliest(Toward("candidates", 0.9)).Entry?.Id);
        Assert.NotEqual(MatchOutcome.Answer, result.Outcome);
    }

    [Fact]
    public void The_entries_regression_never_answers_with_an_entry_that_does_not_ask_what_the_question_asks()
    {
        var result = WithRegression.Match(TextNormalizer.Words("why are pumps refilled"), Toward("refill"));

        Assert.Equal("refill", Meaning.Likeliest(Toward("refill")).Entry?.Id);
        Assert.NotEqual(MatchOutcome.Answer, result.Outcome);
    }

    [Fact]
    public void Words_overruled_by_the_meaning_give_way_to_the_entry_the_meaning_and_the_regression_both_name()
    {
        // The words choose lifespan (all but "refill" are its words), "refill" and "pump" are the refill entry's (coverage 0.40),
        // and the meaning points to refill. The rival needs only that much support from the words here.
        var question = TextNormalizer.Words("does a pump last years refill");
        var towardRefill = Toward("refill", 0.9);
        var rulesAlone = new HybridMatcher(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionAnswer = null, RivalWordSupport = 0.35 });
        var withRegression = new HybridMatcher(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionMinimumUncovered = 0, RivalWordSupport = 0.35 });

        var suggested = rulesAlone.Match(question, towardRefill);
        var answered = withRegression.Match(question, towardRefill);

        Assert.Equal(MatchOutcome.DidYouMean, suggested.Outcome);
        Assert.Contains("signals disagree: words lifespan, meaning refill", suggested.Reason, StringComparison.Ordinal);
        Assert.Equal(["refill", "lifespan"], suggested.Candidates.Take(2).Select(c => c.Entry.Id));
        Assert.Equal("refill", Meaning.Likeliest(towardRefill).Entry?.Id);
        Assert.Equal(MatchOutcome.Answer, answered.Outcome);
        Assert.Equal("refill", answered.Best!.Entry.Id);
        Assert.Contains("the words' choice was set aside: signals disagree: words lifespan", answered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entries_regression_less_sure_answers_when_the_meanings_nearest_entry_is_the_same()
    {
        // Here the meaning alone would need 0.9, so only the agreement of the two can answer "upkeep schedule".
        static HybridMatcher Matcher(double? agreeing) => new(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionMinimumUncovered = 0, MeaningAlone = 0.9, RegressionWithMeaning = agreeing, TogetherAnswer = null });
        var question = TextNormalizer.Words("upkeep schedule");
        var agreeing = Toward("refill", 0.81);
        var lessSure = Toward("refill", 0.8);

        var answered = Matcher(0.8).Match(question, agreeing);
        var withoutTheRule = Matcher(null).Match(question, agreeing);
        var belowTheFloor = Matcher(0.8).Match(question, lessSure);

        Assert.InRange(Meaning.Likeliest(agreeing).Probability, 0.8, 0.9);
        Assert.Equal("refill", Meaning.Likeliest(agreeing).Entry?.Id);
        Assert.Equal(MatchOutcome.Answer, answered.Outcome);
        Assert.Equal("refill", answered.Best!.Entry.Id);
        Assert.Contains("agree", answered.Reason, StringComparison.Ordinal);
        Assert.Equal(MatchOutcome.DidYouMean, withoutTheRule.Outcome);
        Assert.True(Meaning.Likeliest(lessSure).Probability < 0.8);
        Assert.Equal(MatchOutcome.DidYouMean, belowTheFloor.Outcome);
    }

    [Fact]
    public void The_entries_regression_and_the_entries_words_answer_together_when_they_agree()
    {
        // "visit" is learned only from the refill entry's questions, "schedule" nowhere: the words matcher covers half
        // the question and the meaning is too far to answer alone, but both regressions name refill.
        static HybridMatcher Matcher(double? together) => new(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionMinimumUncovered = 0, MeaningAlone = 0.9, RegressionWithMeaning = null, WordsWithRegression = together, TogetherAnswer = null });
        var question = TextNormalizer.Words("visit schedule");
        var towardRefill = Toward("refill", 0.8);

        var answered = Matcher(0.5).Match(question, towardRefill);
        var withoutTheRule = Matcher(null).Match(question, towardRefill);
        // "wear" is learned only from the lifespan entry's questions: the words do not name refill.
        var disagreeing = Matcher(0.5).Match(TextNormalizer.Words("wear schedule"), towardRefill);
        var terms = Matcher(0.5).Match(question, vector: null).Terms;

        Assert.Equal("refill", Matcher(0.5).WordsGuess(terms).Entry?.Id);
        Assert.NotEqual("refill", Matcher(0.5).WordsGuess(Matcher(0.5).Match(TextNormalizer.Words("wear schedule"), vector: null).Terms).Entry?.Id);
        Assert.InRange(Meaning.Likeliest(towardRefill).Probability, 0.5, 0.9);
        Assert.Equal(MatchOutcome.Answer, answered.Outcome);
        Assert.Equal("refill", answered.Best!.Entry.Id);
        Assert.Contains("the entries' words", answered.Reason, StringComparison.Ordinal);
        // Two readings less sure than either would need alone: not enough to set an unsure danger reading aside.
        Assert.True(answered.ByRegressionAlone);
        Assert.True(withoutTheRule.Outcome != MatchOutcome.Answer, withoutTheRule.Reason);
        Assert.True(disagreeing.Outcome != MatchOutcome.Answer, disagreeing.Reason);
    }

    [Fact]
    public void The_signals_read_together_answer_what_no_rule_did_when_the_fitted_model_is_sure()
    {
        // No rule answers "upkeep schedule" here: the meaning alone would need 0.9 and the regression's agreeing rules
        // are off. Read together, the meaning (0.8, far from every question the FAQ does not answer) and the regression
        // both lean to refill.
        static HybridMatcher Matcher(double? together) => new(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionMinimumUncovered = 0, MeaningAlone = 0.9, RegressionWithMeaning = null, WordsWithRegression = null, TogetherAnswer = together });
        var question = TextNormalizer.Words("upkeep schedule");
        var towardRefill = Toward("refill", 0.8);

        var answered = Matcher(0.7).Match(question, towardRefill);
        var withoutIt = Matcher(null).Match(question, towardRefill);
        var tooUnsure = Matcher(0.99999).Match(question, towardRefill);
        // Toward a question the FAQ does not answer, no entry reads likely enough.
        var nearMiss = Matcher(0.7).Match(TextNormalizer.Words("does it have a battery"), Toward("battery", 0.8));

        Assert.Equal(MatchOutcome.Answer, answered.Outcome);
        Assert.Equal("refill", answered.Best!.Entry.Id);
        Assert.StartsWith("the signals together: refill", answered.Reason, StringComparison.Ordinal);
        // One reading of every signal, none sure alone: not enough to set an unsure danger reading aside.
        Assert.True(answered.ByRegressionAlone);
        Assert.True(withoutIt.Outcome != MatchOutcome.Answer, withoutIt.Reason);
        Assert.Equal("refill", withoutIt.Together[0].Entry.Id);
        Assert.InRange(withoutIt.Together[0].Probability, 0.7, 0.99999);
        Assert.True(tooUnsure.Outcome != MatchOutcome.Answer, tooUnsure.Reason);
        Assert.NotEmpty(nearMiss.Together);
        Assert.All(nearMiss.Together, read => Assert.True(read.Probability < 0.7, read.ToString()));
        Assert.True(nearMiss.Outcome != MatchOutcome.Answer, nearMiss.Reason);
    }

    [Fact]
    public void The_signals_read_together_do_not_answer_an_entry_that_misses_the_questions_negation()
    {
        // Toward "who should get a pump" in meaning, but the message asks who should not: the qualifier check holds
        // here as in every other rule.
        var matcher = new HybridMatcher(Words, Meaning, new QualifierCheck(Entries), Asked,
            new MatchingOptions { RegressionMinimumUncovered = 0, MeaningAlone = 0.9, RegressionWithMeaning = null, WordsWithRegression = null, TogetherAnswer = 0.5 });

        var result = matcher.Match(TextNormalizer.Words("which people are not candidates"), Toward("candidates", 0.8));

        Assert.Equal("candidates", result.Together[0].Entry.Id);
        Assert.True(result.Together[0].Probability >= 0.5);
        Assert.True(result.Outcome != MatchOutcome.Answer, result.Reason);
    }

    [Fact]
    public void Without_a_vector_the_words_decide_alone()
    {
        var words = TextNormalizer.Words("how many years will a pump last");

        var result = Matcher.Match(words, vector: null);

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Null(result.Best!.Meaning);
        Assert.Equal("words only", result.Reason);
    }

    [Fact]
    public void A_message_read_once_finds_what_the_index_finds()
    {
        var vector = Between("reversed", 0.8, "battery", 0.5);
        static bool NotReversed(UncoveredQuestion q) => q.Topic != "reversed";

        var message = Meaning.Read(vector);

        Assert.Equal(Meaning.Rank(vector), message.Ranking);
        Assert.Equal("Who should not get a pump?", message.NearestUncovered()!.Question.Text);
        // The nearest of all is not eligible: the next one is looked up.
        Assert.Equal(Meaning.NearestUncovered(vector, NotReversed), message.NearestUncovered(NotReversed));
        Assert.Equal("Does a pump have a battery?", message.NearestUncovered(NotReversed)!.Question.Text);
        Assert.Equal(0.8, message.NearestQuestion, 3);
    }

    [Fact]
    public void A_reading_keeps_the_nearest_of_all_whichever_lookup_comes_first()
    {
        // The readers of one message ask with different negations (the whole message, each sentence): a lookup
        // narrowed for one must not answer another.
        var vector = Between("reversed", 0.8, "battery", 0.5);
        static bool NotReversed(UncoveredQuestion q) => q.Topic != "reversed";

        var message = Meaning.Read(vector);
        var narrowedFirst = message.NearestUncovered(NotReversed);

        Assert.Equal(Meaning.NearestUncovered(vector, NotReversed), narrowedFirst);
        Assert.Equal(Meaning.NearestUncovered(vector), message.NearestUncovered());
        Assert.Equal(0.8, message.NearestQuestion, 3);
    }

    [Theory]
    [InlineData("how many years will a pump last", "lifespan")]
    [InlineData("who should not get a pump", "candidates")]
    [InlineData("does the pump have a battery", "battery")]
    public void Matching_a_message_read_once_decides_as_matching_its_vector(string question, string topic)
    {
        var words = TextNormalizer.Words(question);
        var vector = Between(topic, 0.9, "refill", 0.3);
        var message = Meaning.Read(vector);
        var byVector = WithRegression.Match(words, vector);

        // Twice: the second match reads what the first looked up.
        foreach (var byMessage in new[] { WithRegression.Match(words, message), WithRegression.Match(words, message) })
        {
            Assert.Equal(byVector.Outcome, byMessage.Outcome);
            Assert.Equal(byVector.Reason, byMessage.Reason);
            Assert.Equal(byVector.Candidates, byMessage.Candidates);
        }
    }

    [Fact]
    public void A_message_read_by_another_faq_is_refused()
    {
        var another = new SemanticIndex(Entries, Uncovered, Asked, new CuratedEmbeddings(new TopicEncoder(AxisOfEachText(), Topics.Length + 1)));

        Assert.Throws<ArgumentException>(() => Matcher.Match(TextNormalizer.Words("how long does a pump last"), another.Read(Toward("lifespan"))));
    }

    private static MatchResult Match(string question, float[] vector) => Matcher.Match(TextNormalizer.Words(question), vector);

    /// <summary>A unit vector with cosine <paramref name="similarity"/> to <paramref name="topic"/>'s axis, the rest on a spare axis.</summary>
    private static float[] Toward(string topic, double similarity = 1.0) => Pointing((topic, similarity));

    /// <summary>A unit vector with cosine <paramref name="a"/> to one axis and <paramref name="b"/> to another.</summary>
    private static float[] Between(string first, double a, string second, double b) => Pointing((first, a), (second, b));

    /// <summary>A unit vector with the given cosine to each topic's axis, the rest on a spare axis.</summary>
    private static float[] Pointing(params (string Topic, double Similarity)[] parts)
    {
        var vector = new float[Topics.Length + 1];
        foreach (var (topic, similarity) in parts)
            vector[Array.IndexOf(Topics, topic)] = (float)similarity;
        vector[^1] = (float)Math.Sqrt(Math.Max(0, 1 - parts.Sum(p => p.Similarity * p.Similarity)));
        return vector;
    }

    private static FaqEntry Entry(string id, string question, params string[] alternates) =>
        new(id, question, alternates, [$"The answer about {id}."], Page, "FAQs", [], []);

    private static readonly SourcePage Page = new("page", "Page", "Clinic", new DateOnly(2024, 1, 1), "Author", "", "text");

    /// <summary>Puts each phrasing on the axis of the entry it belongs to, and each uncovered question on its topic's.</summary>
    /// <remarks>
    /// It is handed its axes rather than reading this class's static fields: the curated texts are encoded on pool
    /// threads while those fields are still being initialised, and such a thread would wait for them forever.
    /// </remarks>
    private sealed class TopicEncoder(IReadOnlyDictionary<string, int> axisOfText, int dimensions) : ISentenceEncoder
    {
        public string Model => "topics";

        public float[][] Encode(IReadOnlyList<string> texts) => [.. texts.Select(Vector)];

        private float[] Vector(string text)
        {
            var vector = new float[dimensions];
            vector[axisOfText[text]] = 1f;
            return vector;
        }
    }

    /// <summary>The axis of each curated text, normalised as it is encoded: its topic's, or its entry's.</summary>
    private static Dictionary<string, int> AxisOfEachText()
    {
        var axes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var phrasing in entry.Phrasings)
                axes[TextNormalizer.Normalize(phrasing)] = Array.IndexOf(Topics, entry.Id);
        }
        foreach (var asked in Asked.Items)
            axes[TextNormalizer.Normalize(asked.Text)] = Array.IndexOf(Topics, asked.EntryId ?? "asked");
        foreach (var question in Uncovered.Items)
            axes[TextNormalizer.Normalize(question.Text)] = Array.IndexOf(Topics, question.Topic);
        return axes;
    }
}
