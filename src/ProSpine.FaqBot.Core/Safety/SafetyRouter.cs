using System.Text.RegularExpressions;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Reads a message for danger and for what only people can answer, before any FAQ matching, with the rules of
/// <c>faq/safety.yaml</c>. Deterministic: the same words always give the same rule.
/// </summary>
public sealed partial class SafetyRouter
{
    private readonly SafetyRules rules;
    private readonly HashSet<string> meaningless;
    private readonly HashSet<string> besideSmallTalk;
    private readonly PhraseFinder ruleFinder;
    private readonly PhraseFinder smallTalkFinder;
    private readonly SetAsidePhrases setAside;
    private readonly LongOverSentences longOver;
    private readonly StudyFrame study;
    private readonly Dictionary<SafetyPhrase, string> smallTalkKind = [];

    public SafetyRouter(SafetyRules rules, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(vocabulary);
        this.rules = rules;
        meaningless = vocabulary.Ignore.Union(vocabulary.Weak).ToHashSet(StringComparer.Ordinal);
        besideSmallTalk = meaningless.Union(rules.SmallTalkFiller ?? new HashSet<string>()).ToHashSet(StringComparer.Ordinal);
        ruleFinder = new PhraseFinder(rules.Rules.SelectMany(r => r.Any.Concat(r.All.SelectMany(g => g)).Concat(r.Unless)));
        foreach (var (kind, phrases) in rules.SmallTalk)
        {
            foreach (var phrase in phrases)
                smallTalkKind.TryAdd(phrase, kind);
        }
        smallTalkFinder = new PhraseFinder(smallTalkKind.Keys);
        setAside = new SetAsidePhrases(rules.SetAside);
        longOver = new LongOverSentences(rules.LongOver, NamesEmergencyNotCrisis);
        study = new StudyFrame(rules.AskedForStudy);
    }

    /// <summary>
    /// Whether <paramref name="text"/> says it is asked for study ("asking for a neuro class", "as a nursing
    /// student"): see <see cref="DangerReader.GivesWayToStudy"/> for what that may lower.
    /// </summary>
    public bool AsksForStudy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return study.Holds(TextNormalizer.Words(text));
    }

    /// <summary>
    /// <paramref name="text"/> without the sentences, or clauses, that tell of danger long past and over ("I overdosed
    /// years ago and have been clean since."): what the rules and the meaning read. The rest of the message says what it asks
    /// ("Can I still get a pump?" is still a question about the writer's own care). A message of nothing else is
    /// returned whole: the danger it names is all there is to read.
    /// </summary>
    public string WithoutLongOver(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!longOver.MayHold(TextNormalizer.Words(text)))
            return text;
        var sentences = SentenceEnd().Split(text);
        var namesCrisis = FindRules(text).Any(r => r.Kind == RuleKind.Crisis);
        var kept = sentences.Select(s => WithoutHistory(s, namesCrisis)).Where(s => s.Length > 0).ToList();
        return kept.SequenceEqual(sentences) || kept.All(string.IsNullOrWhiteSpace) ? text : string.Join(' ', kept);
    }

    // The sentence, without it if it is history, or else without its clauses of history ("My friend died of an
    // overdose last year, so I'm nervous": the sentence speaks in the present, its first clause does not), unless
    // what is left points back to them ("and he is having one").
    private string WithoutHistory(string sentence, bool namesCrisis)
    {
        if (longOver.Matches(TextNormalizer.Words(sentence), namesCrisis))
            return "";
        if (namesCrisis)
            return sentence;
        var clauses = ClauseJoint().Split(sentence).Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => (Text: c.Trim(), Words: TextNormalizer.Words(c))).ToList();
        var kept = clauses.Where(c => !longOver.Matches(c.Words, messageNamesCrisis: false)).ToList();
        return kept.Count == clauses.Count || kept.Any(c => longOver.PointsBack(c.Words))
            ? sentence
            : string.Join(", ", kept.Select(c => c.Text));
    }

    private bool NamesEmergencyNotCrisis(IReadOnlyList<string> words)
    {
        var kinds = FindRules(words).Select(r => r.Kind).ToHashSet();
        return kinds.Contains(RuleKind.Emergency) && !kinds.Contains(RuleKind.Crisis);
    }

    /// <summary>
    /// The first crisis, emergency, urgent or hand-off rule that applies to a message as typed, once the set-aside
    /// phrases ("not suicidal", "dying to know") are removed (see <see cref="FindRules(string)"/>).
    /// </summary>
    public SafetyRule? FindRule(string text) => FindRules(text).FirstOrDefault();

    /// <summary><paramref name="words"/> without the set-aside phrases ("just curious", "dying to know"), which say
    /// nothing about what is asked either.</summary>
    public IReadOnlyList<string> WithoutSetAside(IReadOnlyList<string> words) => setAside.From(words);

    /// <summary>
    /// The words the rules read: without the set-aside phrases, nor a study frame's "for my ... class", whose "my" is the
    /// student's: the hand-off rules read "for my" as a person's own care ("will it work for my back").
    /// </summary>
    private IReadOnlyList<string> RuleWords(IReadOnlyList<string> words) => WithoutSetAside(study.Without(words));

    /// <summary>Every rule that applies to one run of words, such as one question of a message, in order of precedence.</summary>
    public IEnumerable<SafetyRule> FindRules(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return RulesWith(ruleFinder.Occurrences(RuleWords(words)).Select(o => o.Phrase).ToHashSet(), () => words.Count);
    }

    /// <summary>
    /// Every rule that applies to a message as typed, in order of precedence. A phrase is looked for within one
    /// sentence, between its commas and semicolons: "how long does the surgery take? My son is driving me" and "how
    /// long does the implant take, my husband is driving me" do not say "take my" (a question about medication). A
    /// rule's groups may still be met in different sentences ("My husband has a pump. He is dizzy").
    /// </summary>
    public IEnumerable<SafetyRule> FindRules(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RulesWith(SentenceEnd().Split(text).SelectMany(sentence => PhraseBreak().Split(sentence))
            .SelectMany(part => ruleFinder.Occurrences(RuleWords(TextNormalizer.Words(part))))
            .Select(o => o.Phrase).ToHashSet(), () => TextNormalizer.Words(text).Count);
    }

    /// <param name="wordCount">The message's length in words, counted only for a rule with <c>maxWords</c> whose
    /// phrases are present: most messages name no rule's phrase, and need no second reading of their words.</param>
    private IEnumerable<SafetyRule> RulesWith(HashSet<SafetyPhrase> present, Func<int> wordCount)
    {
        if (present.Count == 0)
            return [];
        return rules.Rules.Where(rule =>
            (rule.MaxWords is not { } most || wordCount() <= most)
            && (rule.Any.Count == 0 || rule.Any.Any(present.Contains))
            && rule.All.All(group => group.Any(present.Contains))
            && !rule.Unless.Any(present.Contains));
    }

    /// <summary>
    /// <paramref name="words"/> without the phrases of <paramref name="rule"/> that only say whose thing it is ("my
    /// doctor", "his pump"): what the message asks once that context is set aside. Other phrases ("candidate") may
    /// name the topic itself and stay.
    /// </summary>
    public IReadOnlyList<string> WithoutPossessivePhrasesOf(SafetyRule rule, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(words);
        var phrases = rule.Any.Concat(rule.All.SelectMany(g => g)).Where(p => Possessives.Contains(p.Words[0])).ToHashSet();
        var removed = new bool[words.Count];
        foreach (var (phrase, start, length) in ruleFinder.Occurrences(words))
        {
            if (!phrases.Contains(phrase))
                continue;
            for (var i = start; i < start + length; i++)
                removed[i] = true;
        }
        return [.. words.Where((_, i) => !removed[i])];
    }

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "my", "his", "her", "our", "their" };

    /// <summary>
    /// The kind of small talk ("greeting", "thanks"...) when the message is nothing but small talk, words without
    /// meaning and small talk's filler ("thanks so much, everyone"); null when it asks something.
    /// </summary>
    public string? FindSmallTalk(IReadOnlyList<string> words)
    {
        var occurrences = smallTalkFinder.Occurrences(words);
        if (occurrences.Count == 0)
            return null;
        var covered = new bool[words.Count];
        foreach (var (_, start, length) in occurrences)
        {
            for (var i = start; i < start + length; i++)
                covered[i] = true;
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (!covered[i] && !besideSmallTalk.Contains(words[i]))
                return null;
        }
        // The kind listed first in safety.yaml wins: "thanks, bye" is thanks.
        var kinds = occurrences.Select(o => smallTalkKind[o.Phrase]).ToHashSet(StringComparer.Ordinal);
        return rules.SmallTalk.Keys.First(kinds.Contains);
    }

    /// <summary>Whether a message of several words has none of English's common words: likely another language.</summary>
    public bool LooksForeign(IReadOnlyList<string> words) => words.Count >= 2 && !words.Any(meaningless.Contains);

    /// <summary>
    /// The language of a message: one of <c>safety.yaml</c>'s languages when its words or characters show it,
    /// <see cref="Language.Unreadable"/> for a message mostly in another script, else English.
    /// </summary>
    public Language FindLanguage(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = text.Count(char.IsLetter);
        var foreignLetters = text.Count(c => char.IsLetter(c) && c > '\u024F');
        if (letters > 0 && foreignLetters * 2 > letters)
            return Language.Unreadable;
        foreach (var (language, markers) in rules.LanguageMarkers)
        {
            // A word both languages use ("me", "no") is evidence for neither.
            var english = words.Count(w => meaningless.Contains(w) && !markers.Contains(w));
            var count = words.Count(w => markers.Contains(w) && !meaningless.Contains(w));
            var typographic = language.TellingCharacters.Any(text.Contains);
            if (typographic || (count > 0 && count > english))
                return language;
        }
        return Language.English;
    }

    // Where a clause of history may end inside a sentence: "My friend died of an overdose last year, so I'm nervous."
    [GeneratedRegex(@"[,;]|\b(?:and|so|but)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseJoint();

    // Where a phrase of a rule cannot run on (see FindRules); sentences are split first.
    [GeneratedRegex(@"[,;]")]
    private static partial Regex PhraseBreak();

    // A sentence ends at ".", "?" or "!" and a space, but not at an ellipsis ("I can't... breathe" is one thought) or
    // after "Dr." and the like. Answerer's own split, which finds the questions asked, also breaks at ellipses and new
    // lines; a danger phrase must not be lost to either, so the two differ.
    [GeneratedRegex(@"(?<=(?<!\.)\.|[?!])(?<!\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Ss]t)\.)\s+")]
    private static partial Regex SentenceEnd();
}
