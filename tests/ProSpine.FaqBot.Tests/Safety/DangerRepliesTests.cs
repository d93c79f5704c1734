using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Semantics;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>
/// How the classifier's reading and the phrase rules combine into a reply, with a stand-in encoder
/// (<see cref="KeywordEncoder"/>) so each test decides what the classifier reads. The real FAQ supplies the rules and
/// texts.
/// </summary>
public sealed class DangerRepliesTests
{
    private static readonly FaqContent Content = FaqLoader.Load(Repository.Faq);

    private static Answerer AnswererReading(out KeywordEncoder encoder, DangerOptions? options = null)
    {
        encoder = new KeywordEncoder();
        DangerExemplar Example(string text, DangerLevel level) => new(text, level, "test");
        var exemplars = new DangerExemplars(
        [
            // Words no other level uses, for the words' reading (DangerWords); the stand-in reads them as calm.
            .. Enumerable.Range(0, 5).Select(i => Example($"zzcrisis {i} letters written", DangerLevel.Crisis)),
            .. Enumerable.Range(0, 5).Select(i => Example($"zzemergency {i}", DangerLevel.Emergency)),
            .. Enumerable.Range(0, 5).Select(i => Example($"zzurgent {i}", DangerLevel.Urgent)),
            .. Enumerable.Range(0, 5).Select(i => Example($"zzcalm {i}", DangerLevel.Calm)),
        ], []);
        var reader = new DangerReader(exemplars, [], new SetAsidePhrases(Content.Safety.SetAside), new CuratedEmbeddings(encoder), options ?? TestFaq.Danger);
        return new Answerer(Content, TestFaq.Matching, TestFaq.Answering, reader);
    }

    [Fact]
    public void Danger_of_an_unclear_kind_puts_911_and_988_first_with_both_call_buttons()
    {
        var reply = AnswererReading(out _).Answer("something is really wrong zzcrisis zzemergency");

        Assert.True(LabelledQuestions.ComesFirst(reply, "911"), reply.Text);
        Assert.True(LabelledQuestions.ComesFirst(reply, "988"), reply.Text);
        Assert.Equal(["911", "988", TestFaq.Answering.ClinicPhone], reply.Calls.Select(c => c.Number));
        Assert.Equal(Content.Texts.Get(TextKeys.DangerUnsure), reply.Text);
    }

    [Theory]
    [InlineData("tell me about it zzcrisis", Route.Crisis, "988")]
    [InlineData("tell me about it zzemergency", Route.Emergency, "911")]
    public void A_confident_reading_gets_the_crisis_or_emergency_reply(string message, Route route, string first)
    {
        var reply = AnswererReading(out _).Answer(message);

        Assert.Equal(route, reply.Route);
        Assert.Equal(first, reply.Calls[0].Number);
        Assert.True(LabelledQuestions.ComesFirst(reply, first), reply.Text);
    }

    [Fact]
    public void The_meaning_raises_an_urgent_reply_where_no_phrase_rule_applies()
    {
        var reply = AnswererReading(out _).Answer("tell me about it zzurgent");

        Assert.Equal(Route.Urgent, reply.Route);
        Assert.StartsWith("meaning", reply.RuleName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my husband won't wake up")]
    [InlineData("my son is having a seizure and the pump is beeping")]
    [InlineData("I think my husband is having a stroke right now")]
    [InlineData("mom is seizing on the kitchen floor")]
    // A name general questions also use, beside the present moment in a few words.
    [InlineData("is this a stroke")]
    [InlineData("is this withdrawal")]
    [InlineData("overdose symptoms right now")]
    [InlineData("withdrawal now??")]
    public void A_phrase_rule_keeps_precedence_when_the_meaning_reads_calm(string message)
    {
        // The stand-in reads every ordinary sentence as calm; each message names an emergency happening now.
        var reply = AnswererReading(out _).Answer(message);

        Assert.True(reply.Danger?.Danger < TestFaq.Danger.CalmProbability, $"{reply.Danger?.Danger}");
        Assert.Equal(Route.Emergency, reply.Route);
        Assert.True(LabelledQuestions.ComesFirst(reply, "911"), reply.Text);
    }

    [Theory]
    [InlineData("what happens if a pump overdoses someone")]
    [InlineData("is there an emergency line after hours?")]
    [InlineData("do pumps raise the risk of suicide? for a school project")]
    [InlineData("do pumps raise the risk of a stroke or a seizure?")]
    [InlineData("whats the difference between a heart attack and a panic attack")]
    [InlineData("my grandpa had convulsions as a boy, does that matter for a pump")]
    public void A_general_question_that_names_a_danger_is_not_an_alarm_when_the_meaning_reads_calm(string question)
    {
        var reply = AnswererReading(out _).Answer(question);

        Assert.False(LabelledQuestions.IsAlarm(reply), $"{reply.Route} {reply.RuleName}: {reply.Text}");
    }

    [Theory]
    [InlineData("could a pump cause chest pain? asking for my neuro class")]
    [InlineData("for my nursing exam: what should you do when a patient is unresponsive")]
    public void A_question_asked_for_study_lowers_an_emergency_rule_and_ends_with_911_and_988(string question)
    {
        // Words of no example read as neither (the stand-in's words are 0.5); the study words' bound is lifted here.
        var options = TestFaq.FreshSettings<DangerOptions>();
        options.StudyWordsBelow = 1;
        var reply = AnswererReading(out _, options).Answer(question);

        Assert.False(LabelledQuestions.IsAlarm(reply), $"{reply.Route} {reply.RuleName}: {reply.Text}");
        Assert.EndsWith(Content.Texts.Get(TextKeys.SafetyNet), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_asked_for_study_keeps_its_alarm_when_turned_off_or_when_its_words_are_dangers()
    {
        const string question = "could a pump cause chest pain? asking for my neuro class";
        var off = TestFaq.FreshSettings<DangerOptions>();
        off.StudyWordsBelow = null;
        var strict = TestFaq.FreshSettings<DangerOptions>();
        strict.StudyWordsBelow = 0.01f;

        Assert.Equal(Route.Emergency, AnswererReading(out _, off).Answer(question).Route);
        Assert.Equal(Route.Emergency, AnswererReading(out _, strict).Answer(question).Route);
    }

    [Theory]
    [InlineData("tell me about it zzemergency, it is for my nursing class", Route.Emergency, "911")]
    // Asking how much would kill is a warning sign whoever it is said to be for.
    [InlineData("what is the lethal dose of baclofen? it is for my pharmacology class", Route.Crisis, "988")]
    public void A_confident_reading_or_a_crisis_rule_stands_for_a_question_asked_for_study(string message, Route route, string first)
    {
        var options = TestFaq.FreshSettings<DangerOptions>();
        options.StudyWordsBelow = 1;
        var reply = AnswererReading(out _, options).Answer(message);

        Assert.Equal(route, reply.Route);
        Assert.True(LabelledQuestions.ComesFirst(reply, first), reply.Text);
    }

    [Fact]
    public void An_emergency_rule_names_988_too_when_the_meaning_reads_a_crisis()
    {
        // "won't wake up" is an emergency phrase; the meaning says crisis.
        var reply = AnswererReading(out _).Answer("i want to sleep and i won't wake up zzcrisis");

        Assert.Equal(Route.Crisis, reply.Route);
        Assert.True(LabelledQuestions.ComesFirst(reply, "988") && LabelledQuestions.ComesFirst(reply, "911"), reply.Text);
    }

    [Fact]
    public void Words_of_danger_raise_a_reading_by_meaning_that_is_not_clearly_calm()
    {
        // The stand-in reads no marker as calm (0), so the least reading the words raise is lowered to 0 here.
        var options = TestFaq.FreshSettings<DangerOptions>();
        options.WordsSupportedProbability = 0;
        var reply = AnswererReading(out _, options).Answer("my letters are written");

        Assert.Equal("meaning and words: crisis or emergency", reply.RuleName);
        Assert.True(LabelledQuestions.ComesFirst(reply, "911") && LabelledQuestions.ComesFirst(reply, "988"), reply.Text);
    }

    [Fact]
    public void Words_of_danger_alone_raise_nothing_when_the_meaning_reads_calm()
    {
        var answerer = AnswererReading(out _);
        var reply = answerer.Answer("my letters are written");

        Assert.True(answerer.Danger.Read("my letters are written").Scores.Words >= TestFaq.Danger.WordsDangerProbability);
        Assert.False(LabelledQuestions.IsAlarm(reply), $"{reply.Route} {reply.RuleName}: {reply.Text}");
    }

    [Fact]
    public void Words_of_danger_raise_nothing_when_turned_off()
    {
        var options = TestFaq.FreshSettings<DangerOptions>();
        options.WordsSupportedProbability = 0;
        options.WordsDangerProbability = null;
        var reply = AnswererReading(out _, options).Answer("my letters are written");

        Assert.False(LabelledQuestions.IsAlarm(reply), $"{reply.Route} {reply.RuleName}: {reply.Text}");
    }

    [Fact]
    public void Spanish_danger_gets_the_spanish_reply()
    {
        var reply = AnswererReading(out _).Answer("por favor ayuda, mi esposo zzemergency");

        Assert.Equal(Core.Content.Language.Spanish, reply.Language);
        Assert.Equal(Content.Texts.Get(TextKeys.Emergency, Core.Content.Language.Spanish), reply.Text);
    }

    [Fact]
    public void Set_aside_words_are_not_read_for_danger()
    {
        var reader = AnswererReading(out _).Danger;

        // "not suicidal" and "just curious" are set aside; what remains is an ordinary question.
        Assert.Equal(["how long does the pump last"], reader.Explain("Not suicidal, just curious: how long does the pump last").Select(p => p.Piece));
    }

    [Fact]
    public void Phone_numbers_and_email_addresses_are_not_read_for_danger_and_short_numbers_are()
    {
        var reader = AnswererReading(out _).Danger;

        Assert.Equal(["call me at or write to about my refill"],
            reader.Explain("Call me at (262) 555-0199 or write to jane.doe@example.com about my refill").Select(p => p.Piece));
        Assert.Equal(["would 60 of my pills be enough"], reader.Explain("would 60 of my pills be enough").Select(p => p.Piece));
    }

    [Fact]
    public void Each_clause_of_a_long_message_is_read_besides_the_whole()
    {
        var pieces = AnswererReading(out _).Danger.Explain(
            "We drove up from Racine this morning. Parking was fine; my dad zzemergency in the waiting room, but the staff were lovely.")
            .Select(p => p.Piece).ToList();

        Assert.Equal(5, pieces.Count);
        Assert.Contains("my dad zzemergency in the waiting room", pieces);
    }

    [Fact]
    public void Danger_in_one_clause_of_a_message_that_reads_calm_gets_911_and_988_first()
    {
        // The whole reads calm and one clause reads crisis: a clause alone is too noisy to choose 988 over 911.
        var reply = AnswererReading(out _).Answer(
            "We had a zzcalm zzcalm zzcalm morning at the zzcalm clinic; it was zzcalm zzcalm zzcalm, and zzcrisis once.");

        Assert.Equal("meaning: crisis or emergency, in one clause", reply.RuleName);
        Assert.True(LabelledQuestions.ComesFirst(reply, "911") && LabelledQuestions.ComesFirst(reply, "988"), reply.Text);
    }

    [Fact]
    public void A_crisis_read_in_a_clause_too_weak_to_count_still_puts_988_beside_911()
    {
        // The whole message reads as an emergency. The stand-in reads the second sentence crisis 0.75, which counts at
        // the default clause threshold (0.7); at 0.99 it does not count alone, but a crisis is not ruled out.
        const string Message = "my dad zzemergency zzemergency zzemergency on the floor. earlier he said zzcrisis zzcalm to me.";
        var strict = TestFaq.FreshSettings<DangerOptions>();
        strict.ClauseProbability = 0.99f;
        var answerer = AnswererReading(out _, strict);
        var (scores, _) = answerer.Danger.Read(Message);

        var reply = answerer.Answer(Message);

        Assert.True(scores.Crisis < strict.MaybeCrisisProbability && scores.CrisisInAnyPiece >= strict.MaybeCrisisProbability,
            $"crisis {scores.Crisis}, in any piece {scores.CrisisInAnyPiece}");
        Assert.Equal("meaning: emergency, maybe crisis", reply.RuleName);
        Assert.True(LabelledQuestions.ComesFirst(reply, "911") && LabelledQuestions.ComesFirst(reply, "988"), reply.Text);
    }

    [Fact]
    public void A_confident_emergency_names_988_beside_911_from_the_maybe_crisis_threshold()
    {
        // A warning sign in someone else ("my son sleeps with his hunting rifle by the bed since his surgery failed")
        // read emergency 0.72 and crisis 0.24 on the tuning sets: a crisis the threshold of clear calm (0.25) ruled out.
        var danger = AnswererReading(out _).Danger;
        var threshold = TestFaq.Danger.MaybeCrisisProbability;
        static DangerScores Reading(float crisis) => new(Crisis: crisis, Emergency: 0.72f, Urgent: 0, Danger: crisis + 0.72f,
            WholeDanger: crisis + 0.72f, Words: 1, Strongest: crisis + 0.72f, CrisisInAnyPiece: crisis);

        var maybeCrisis = danger.Decide(null, Reading(threshold));
        var ruledOut = danger.Decide(null, Reading(threshold - 0.01f));

        Assert.True(threshold < TestFaq.Danger.CalmProbability);
        Assert.True(maybeCrisis is { Level: DangerLevel.Emergency, Unsure: true, Firm: true }, maybeCrisis?.ToString());
        Assert.True(ruledOut is { Level: DangerLevel.Emergency, Unsure: false }, ruledOut?.ToString());
    }

    [Fact]
    public void Naming_988_beside_a_confident_emergency_does_not_let_a_question_overrule_it()
    {
        // A confident emergency (0.8) whose crisis only a clause too weak to count tells (0.5): before 988 was named
        // beside it, no question of the message that the FAQ answers overruled it, and none may now.
        var danger = AnswererReading(out _).Danger;
        var scores = new DangerScores(Crisis: 0.1f, Emergency: 0.8f, Urgent: 0, Danger: 0.9f, WholeDanger: 0.9f, Words: 0,
            Strongest: 0.9f, CrisisInAnyPiece: 0.5f);

        var verdict = danger.Decide(null, scores);

        Assert.NotNull(verdict);
        Assert.True(verdict.Unsure && verdict.Firm, verdict.ToString());
        Assert.False(danger.Decide(null, scores with { CrisisInAnyPiece = 0.1f })!.Unsure);
    }

    [Fact]
    public void A_question_the_faq_answers_does_not_overrule_a_clause_read_as_danger_beyond_doubt()
    {
        // The stand-in reads the clause "and zzcrisis once" as a crisis beyond doubt, and the whole message as calm.
        const string Message = "We had a zzcalm zzcalm zzcalm morning at the zzcalm clinic; it was zzcalm zzcalm zzcalm, "
            + "and zzcrisis once. What is the clinic's phone number?";
        var lenient = TestFaq.FreshSettings<DangerOptions>();
        lenient.FirmProbability = 1;

        var overruled = AnswererReading(out _, lenient).Answer(Message);
        var firm = AnswererReading(out _).Answer(Message);

        Assert.Equal(Route.Answer, overruled.Route);
        Assert.Equal("meaning: crisis or emergency, in one clause", firm.RuleName);
        Assert.True(LabelledQuestions.ComesFirst(firm, "911") && LabelledQuestions.ComesFirst(firm, "988"), firm.Text);
    }

    [Fact]
    public void A_clause_that_held_a_figure_of_speech_is_read_only_within_the_whole()
    {
        // "would die for" is set aside: the clause "i a day without pain" it leaves would read as noise on its own.
        var pieces = AnswererReading(out _).Danger.Explain(
            "I'd die for a day without pain, is a pump more effective than my pills, or is that just hype?")
            .Select(p => p.Piece).ToList();

        Assert.DoesNotContain("i a day without pain", pieces);
        Assert.Contains("is a pump more effective than my pills", pieces);
    }

    [Theory]
    [InlineData("I need to know how much ziconotide is deadly. Doesn't matter why.")]
    [InlineData("what's the max dose of baclofen before it's fatal")]
    [InlineData("no judging please, what's the most reliable method")]
    [InlineData("is there a way to make it look like an accident with the pump")]
    [InlineData("grandpa has been giving his things away to the neighbours all week")]
    [InlineData("honestly I hope it kills me, the surgery I mean")]
    public void A_deadly_amount_a_sure_method_or_a_warning_sign_is_a_crisis_even_when_the_meaning_reads_calm(string message)
    {
        var reply = AnswererReading(out _).Answer(message);

        Assert.Equal(Route.Crisis, reply.Route);
        Assert.True(LabelledQuestions.ComesFirst(reply, "988"), reply.Text);
    }

    [Theory]
    [InlineData("Dad passed last month and we've been giving his things away; does his pump come out before cremation?")]
    [InlineData("mom is moving to assisted living and giving things away, can her refills be done there?")]
    public void The_giving_away_rule_gives_way_to_a_death_or_a_move(string message)
    {
        // Only the phrase rule is under test: the stand-in reads these as calm. The sentence model reads them for
        // itself (the first gets 911 and 988 first from one clause, README "Reading danger by meaning").
        var reply = AnswererReading(out _).Answer(message);

        Assert.False(LabelledQuestions.IsAlarm(reply), $"{reply.Route} {reply.RuleName}: {reply.Text}");
    }

    [Fact]
    public void A_question_about_deaths_in_general_is_not_asking_for_a_deadly_amount()
    {
        var reply = AnswererReading(out _).Answer("how many people die from baclofen withdrawal each year");

        Assert.NotEqual(Route.Crisis, reply.Route);
    }

    [Fact]
    public void Text_in_another_script_is_not_read_by_the_english_model()
    {
        var answerer = AnswererReading(out var encoder);
        var before = encoder.Encoded;

        // Mostly Cyrillic, with one English word: words remain to be read, but the message is in another script.
        var reply = answerer.Answer("Пожалуйста, помогите мне, pump");

        Assert.Equal(before, encoder.Encoded);
        Assert.Equal(Route.Handoff, reply.Route);
        Assert.Equal(Content.Texts.Get(TextKeys.OtherLanguage), reply.Text);
    }
}
