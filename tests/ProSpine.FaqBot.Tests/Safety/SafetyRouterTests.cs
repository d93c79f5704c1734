using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Tests.Safety;

/// <summary>
/// The mechanics of the phrase rules on a small fixture of rules, independent of the wording of <c>faq/safety.yaml</c>
/// (the real rules are checked by the labelled sets): precedence, prefixes, groups that must all be present, phrases
/// that cancel a rule, set-aside phrases, and small talk.
/// </summary>
public sealed class SafetyRouterTests
{
    private static SafetyPhrase P(string text) => text.EndsWith('*')
        ? new(TextNormalizer.Words(text[..^1]), LastWordIsPrefix: true, text)
        : new(TextNormalizer.Words(text), LastWordIsPrefix: false, text);

    private static SafetyRule Rule(string name, RuleKind kind, string[] any, string[][]? all = null, string[]? unless = null,
        int? maxWords = null) =>
        new(name, kind, null, [.. any.Select(P)], [.. (all ?? []).Select(g => (IReadOnlyList<SafetyPhrase>)[.. g.Select(P)])],
            [.. (unless ?? []).Select(P)], OfferFaq: false, MaxWords: maxWords);

    // In order of precedence, as the reader of safety.yaml returns them.
    private static readonly SafetyRouter Router = new(
        new SafetyRules(
            [
                Rule("self-harm", RuleKind.Crisis, ["suicid*", "kill myself"]),
                Rule("unconscious", RuleKind.Emergency, ["unconscious", "cannot breathe"]),
                Rule("a stroke now", RuleKind.Emergency, [], all: [["stroke"], ["now", "is this"]], maxWords: 6),
                Rule("pump alarm", RuleKind.Urgent, [], all: [["pump"], ["alarm", "beeping"]]),
                Rule("billing", RuleKind.Handoff, ["bill", "insurance"], unless: ["in general"]),
                Rule("medication", RuleKind.Handoff, ["take my"]),
                Rule("own care", RuleKind.Handoff, ["for my"]),
            ],
            new Dictionary<string, IReadOnlyList<SafetyPhrase>>
            {
                ["greeting"] = [P("hello"), P("good morning")],
                ["thanks"] = [P("thanks"), P("thank you")],
            },
            new Dictionary<Language, IReadOnlySet<string>> { [Language.Spanish] = new HashSet<string> { "hola", "necesito", "ayuda", "bomba" } },
            [P("not suicidal"), P("just curious")],
            new LongOverPhrases([P("years ago"), P("last year")], [P("been fine"), P("survived")], [P("again")],
                Died: [P("died")], Gone: [P("late husband")], Present: [P("is"), P("keeps")], PointsBack: [P("one")]),
            new StudyPhrases([P("class"), P("exam")], [P("nursing student")], [P("right now")]),
            new HashSet<string> { "much", "staff" }),
        new Vocabulary(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>(),
            new HashSet<string> { "the", "a", "please" }, new HashSet<string>()));

    [Theory]
    [InlineData("I want to kill myself", "self-harm")]
    [InlineData("my suicidal thoughts are back", "self-harm")]            // "suicid*" is a prefix
    [InlineData("he is unconscious and his pump is beeping", "unconscious")] // an emergency wins over an urgent rule
    [InlineData("I'm not suicidal, but I cannot breathe", "unconscious")]    // set aside, then read
    [InlineData("the pump is beeping", "pump alarm")]                       // every group present
    [InlineData("the alarm is beeping", null)]                              // one group missing
    [InlineData("a question about my bill", "billing")]
    [InlineData("how does insurance work in general", null)]                // a phrase that cancels the rule
    [InlineData("not suicidal, just curious: how long does a pump last", null)]
    [InlineData("suicide rates, just curious", "self-harm")]                // what is left still names it
    [InlineData("what is a pump", null)]
    [InlineData("is this a stroke", "a stroke now")]
    [InlineData("is this a stroke, face drooping", "a stroke now")]        // six words, the most it reads
    [InlineData("is this pump safe for someone who once had a stroke", null)] // longer: room to ask in general
    public void The_first_rule_that_applies_decides(string message, string? expected)
    {
        Assert.Equal(expected, Router.FindRule(message)?.Name);
    }

    [Theory]
    [InlineData("He was unconscious years ago and has been fine since. Can he get a pump?", "Can he get a pump?")]
    [InlineData("Can he get a pump? He was unconscious years ago and has been fine since.", "Can he get a pump?")]
    [InlineData("I was suicidal last year and survived. Lately it is back again.", null)] // the danger is back
    [InlineData("I was suicidal years ago. Can I get a pump?", null)]                     // a crisis long ago, not said to be over
    [InlineData("I was unconscious years ago. Can I get a pump?", "Can I get a pump?")]   // an emergency long ago is over
    [InlineData("He was unconscious in 2016. Can he get a pump?", "Can he get a pump?")]  // a year after "in"
    [InlineData("He was unconscious years ago and keeps collapsing. Can he get a pump?",
        "keeps collapsing. Can he get a pump?")]                                            // only the clause of history goes
    [InlineData("He was unconscious years ago and is having one now.", null)]             // what is left points back to it
    [InlineData("I was unconscious years ago. I want to kill myself.", null)]            // the message names a crisis
    [InlineData("My brother died in 2016. Can I get a pump?", "Can I get a pump?")]      // a death long ago
    [InlineData("My brother died. Can I get a pump?", null)]                             // a death not placed long ago may be now
    [InlineData("My late husband had a pump. Can I get one?", "Can I get one?")]         // someone who has died
    [InlineData("My brother died in 2016, so my mother is nervous. Can I get a pump?",
        "my mother is nervous. Can I get a pump?")]                                        // a clause of history
    [InlineData("My brother died in 2016, so my mother is suicidal.", null)]             // not in a message naming a crisis
    [InlineData("He was unconscious since 2016. Can he get a pump?", null)]              // "since" a year is still so
    [InlineData("I have been fine since I was unconscious this morning. Can I get a pump?", null)] // not long ago
    [InlineData("He was unconscious years ago and has been fine since.", null)]          // nothing else to read
    public void History_told_as_over_is_not_read_for_danger(string message, string? readForDanger)
    {
        Assert.Equal(readForDanger ?? message, Router.WithoutLongOver(message));
    }

    [Theory]
    [InlineData("could the pump cause a seizure? asking for a neuro class", true)]
    [InlineData("for my first aid exam: what do blue lips mean", true)]      // three words between "for" and the subject
    [InlineData("as a nursing student, what are the signs of an overdose", true)] // a phrase anywhere
    [InlineData("first aid class: what are the signs of a stroke", true)]   // a subject heading the message
    [InlineData("is baclofen in the same class of drugs as morphine", false)] // a subject, neither heading nor after "for"
    [InlineData("asking for a friend from my old yoga class", false)]        // more than three words between
    [InlineData("asking for a friend", false)]
    [InlineData("for my EMT class: my brother is breathing like that right now", false)] // happening now
    public void A_question_asked_for_study_is_recognised(string message, bool forStudy)
    {
        Assert.Equal(forStudy, Router.AsksForStudy(message));
    }

    [Theory]
    [InlineData("will a pump work for my back", "own care")]
    [InlineData("for my pharm class: which drugs go in a pump", null)]       // the student's "my", not their care
    [InlineData("which drugs go in a pump? asking for my nursing exam", null)]
    [InlineData("for my exam: can I take my pills with it", "medication")]   // the words outside the frame still count
    public void A_study_frame_says_who_asks_not_whose_care_it_is(string message, string? expected)
    {
        Assert.Equal(expected, Router.FindRule(message)?.Name);
    }

    [Theory]
    [InlineData("can I take my pills with it", "medication")]
    [InlineData("How long does the surgery take? My son is driving me", null)] // no "take my" across the "?"
    [InlineData("How long does the surgery take, my son is driving me", null)] // nor across a comma
    [InlineData("Is the surgery long, can I take my pills before it", "medication")] // within the part after it
    [InlineData("Is the surgery long. Take my word, I'm nervous", "medication")] // within the second sentence
    [InlineData("he cannot... breathe", "unconscious")]                       // an ellipsis is not a sentence end
    [InlineData("Dr. Smith said the pump is fine. Now the alarm is beeping", "pump alarm")] // groups across sentences
    public void A_phrase_is_found_within_one_part_of_a_sentence(string message, string? expected)
    {
        Assert.Equal(expected, Router.FindRule(message)?.Name);
    }

    [Theory]
    [InlineData("hello", "greeting")]
    [InlineData("good morning, please", "greeting")]  // words without meaning do not ask anything
    [InlineData("thank you, hello", "greeting")]      // the kind listed first wins
    [InlineData("thanks!", "thanks")]
    [InlineData("hello, what is a pump", null)]       // small talk around a question is a question
    [InlineData("good", null)]
    [InlineData("thanks much, staff", "thanks")]       // small talk's filler asks nothing either
    [InlineData("much staff", null)]                  // filler alone is no small talk
    [InlineData("thanks much, what is a pump", null)]
    public void Small_talk_is_a_message_of_nothing_else(string message, string? expected)
    {
        Assert.Equal(expected, Router.FindSmallTalk(TextNormalizer.Words(message)));
    }

    [Theory]
    [InlineData("hola, necesito ayuda", "es")]
    [InlineData("¿cuánto dura?", "es")]               // a character only Spanish writes is enough
    [InlineData("please, the bomba", "en")]            // more common English words than Spanish markers
    [InlineData("how long does a pump last", "en")]
    [InlineData("泵能用多久", "other")]                 // mostly another script: unreadable
    [InlineData("pump 泵能用多久", "other")]
    public void The_language_is_told_by_its_words_characters_or_script(string message, string expected)
    {
        Assert.Equal(expected, Router.FindLanguage(message, TextNormalizer.Words(message)).Code);
    }
}
