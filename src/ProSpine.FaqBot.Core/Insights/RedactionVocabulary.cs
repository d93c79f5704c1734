using System.Collections.Frozen;
using System.Reflection;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// What <see cref="Redactor"/> may keep of a message: the words of a common-English list (<c>Insights/Words/</c>, from
/// SCOWL via Debian's <c>wamerican-small</c>) and the words of the FAQ itself, less every word that names a person or
/// place; and the words the redaction rules read ("password", "dob", "mg") and contractions typed without an
/// apostrophe ("dont", "im"). Names come from a list of proper nouns (SCOWL via <c>wamerican</c>) and from the FAQ: whoever it writes
/// after a title ("Dr. Thomas Stauss") is a person, so a patient typing that name does not keep it either.
/// </summary>
public sealed class RedactionVocabulary
{
    private static readonly Lazy<WordLists> Lists = new(WordLists.Load);
    private static readonly Lazy<RedactionVocabulary> EnglishOnly = new(() => new RedactionVocabulary(FrozenSet<string>.Empty, FrozenSet<string>.Empty));

    private readonly FrozenSet<string> faqWords;
    private readonly FrozenSet<string> faqCapitalised;

    private RedactionVocabulary(FrozenSet<string> faqWords, FrozenSet<string> faqCapitalised)
    {
        this.faqWords = faqWords;
        this.faqCapitalised = faqCapitalised;
    }

    /// <summary>The common-English list alone, for text that belongs to no FAQ (tests, tools).</summary>
    public static RedactionVocabulary English => EnglishOnly.Value;

    /// <summary>How many words the FAQ adds to the English list.</summary>
    public int FaqWordCount => faqWords.Count;

    /// <summary>
    /// The English list plus every word of <paramref name="content"/>: the pages, entries (questions, alternates,
    /// answers, sections, tags), <c>vocabulary.yaml</c>, <c>messages.yaml</c> in every language, the phrases of
    /// <c>safety.yaml</c> and the example messages of <c>danger.yaml</c>. Proper names are left out: those of the
    /// proper-noun list, and the people the FAQ names after a title.
    /// </summary>
    public static RedactionVocabulary For(FaqContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lists = Lists.Value;
        var words = new HashSet<string>(StringComparer.Ordinal);
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Texts(content))
        {
            var tokens = RedactionTokens.Split(CompatibilityFolding.Fold(text)).Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (!token.IsWord || token.HasDigit)
                    continue;
                words.Add(token.Lower);
                if (token.Capitalised && !token.SentenceStart)
                    capitalised.Add(token.Lower);
                if (i > 0 && PersonalPhrases.IsStrongTitle(tokens, i - 1))
                {
                    // The title's person: the word after it and the capitalised words that follow ("Dr. Thomas Stauss").
                    people.Add(token.Lower);
                    for (var j = i + 1; j < tokens.Count && tokens[j].IsWord && tokens[j].Capitalised && tokens[j].Before.Trim().Length == 0; j++)
                        people.Add(tokens[j].Lower);
                }
            }
        }
        words.RemoveWhere(w => people.Contains(w) || (lists.Names.Contains(w) && !lists.English.Contains(w)));
        capitalised.RemoveWhere(w => !words.Contains(w) || lists.Names.Contains(w));
        return new RedactionVocabulary(words.ToFrozenSet(StringComparer.Ordinal), capitalised.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Whether a lower-case word may be kept: the English list or the FAQ knows it (possessive 's aside).</summary>
    internal bool Knows(string word)
    {
        var stem = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'');
        return Known(word) || (stem.Length > 0 && Known(stem));
    }

    private bool Known(string word) =>
        Lists.Value.English.Contains(word) || faqWords.Contains(word) || PersonalPhrases.Words.Contains(word) || TextNormalizer.IsBareContraction(word);

    /// <summary>Whether a lower-case word is in the proper-noun list: a first name, surname or place ("rose", "milwaukee").</summary>
    internal static bool IsName(string word) => Lists.Value.Names.Contains(word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word);

    /// <summary>
    /// Whether a capitalised word is capitalised for another reason than being a name: a day, month, language or the
    /// like in the English list ("April", "Monday"), or a word the FAQ writes capitalised ("Prialt").
    /// </summary>
    internal bool IsCapitalisedWord(string word) => Lists.Value.CapitalisedEnglish.Contains(word) || faqCapitalised.Contains(word);

    private static IEnumerable<string> Texts(FaqContent content)
    {
        foreach (var page in content.Pages)
            yield return page.Text;
        foreach (var entry in content.Entries)
        {
            foreach (var phrasing in entry.Phrasings)
                yield return phrasing;
            foreach (var paragraph in entry.Answer)
                yield return paragraph;
            yield return entry.Section;
            foreach (var tag in entry.Tags)
                yield return tag;
        }
        var vocabulary = content.Vocabulary;
        foreach (var (word, synonyms) in vocabulary.Synonyms)
        {
            yield return word;
            foreach (var synonym in synonyms)
                yield return synonym;
        }
        foreach (var (variant, spelling) in vocabulary.Spellings)
            yield return variant + " " + spelling;
        yield return string.Join(' ', vocabulary.Ignore.Concat(vocabulary.Weak));
        foreach (var text in content.Texts.Texts)
            yield return text;
        var safety = content.Safety;
        var phrases = safety.Rules.SelectMany(r => r.Any.Concat(r.All.SelectMany(g => g)).Concat(r.Unless))
            .Concat(safety.SmallTalk.Values.SelectMany(p => p)).Concat(safety.SetAside);
        foreach (var phrase in phrases)
            yield return string.Join(' ', phrase.Words);
        // Only the curated examples: the written ones are people's own words, which may name anything.
        foreach (var example in content.Danger.Curated)
            yield return example.Text;
    }

    /// <summary>The two word lists shipped as resources of this assembly, read once per process.</summary>
    private sealed record WordLists(FrozenSet<string> English, FrozenSet<string> CapitalisedEnglish, FrozenSet<string> Names)
    {
        public static WordLists Load()
        {
            var english = Read("english-words.txt");
            return new WordLists(
                english.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
                english.Where(w => char.IsUpper(w[0])).Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
                Read("proper-names.txt").ToFrozenSet(StringComparer.Ordinal));
        }

        private static List<string> Read(string name)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ProSpine.FaqBot.Core.Insights.Words." + name)
                ?? throw new InvalidOperationException($"The word list {name} is missing from the assembly.");
            using var reader = new StreamReader(stream);
            var words = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                    words.Add(line);
            }
            return words;
        }
    }
}
