namespace ProSpine.FaqBot.Core.Content;

/// <summary>A clinic page the FAQ quotes, as described in <c>faq/sources.yaml</c>.</summary>
public sealed record SourcePage(
    string Id, string Title, string Clinic, DateOnly Updated, string Author, string Url, string Text)
{
    /// <summary>The updated date as citations show it ("Apr 15, 2024").</summary>
    public string UpdatedText => Updated.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One question of the FAQ and the page's own words that answer it.</summary>
public sealed record FaqEntry(
    string Id,
    string Question,
    IReadOnlyList<string> Alternates,
    IReadOnlyList<string> Answer,
    SourcePage Page,
    string Section,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Tags)
{
    /// <summary>The canonical question first, then the alternates.</summary>
    public IEnumerable<string> Phrasings => Alternates.Prepend(Question);
}

/// <summary>Patients' words mapped to the FAQ's, from <c>faq/vocabulary.yaml</c>.</summary>
/// <param name="Synonyms">Key: the FAQ's word; values: phrases replaced by it before matching.</param>
/// <param name="Spellings">Variant spelling to the FAQ's spelling, word for word.</param>
/// <param name="Ignore">Words that carry no meaning for matching ("please", "the").</param>
/// <param name="Weak">Words that matter a little ("how", "when"): they help choose between phrasings but cannot
/// make a match on their own.</param>
public sealed record Vocabulary(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    IReadOnlyDictionary<string, string> Spellings,
    IReadOnlySet<string> Ignore,
    IReadOnlySet<string> Weak);

/// <summary>The whole validated content of <c>faq/</c>: what the bot knows and everything it says.</summary>
public sealed record FaqContent(
    IReadOnlyList<SourcePage> Pages,
    IReadOnlyList<FaqEntry> Entries,
    Vocabulary Vocabulary,
    SafetyRules Safety,
    CuratedTexts Texts,
    DangerExemplars Danger,
    UncoveredQuestions Uncovered,
    AskedQuestions Asked,
    SmallTalkExamples SmallTalk)
{
    private readonly Dictionary<string, FaqEntry> byId = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public FaqEntry? Find(string id) => byId.GetValueOrDefault(id);
}
