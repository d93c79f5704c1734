using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Faq;

/// <summary>
/// Reads and validates the whole <c>faq/</c> folder, one reader per file. Either every file is valid and a
/// <see cref="FaqContent"/> comes back, or a <see cref="FaqValidationException"/> lists every problem with its file
/// and line.
/// </summary>
public static class FaqLoader
{
    /// <summary>The file every <c>faq/</c> folder has: it names the pages the FAQ quotes.</summary>
    public const string SourcesFile = SourcesReader.File;

    /// <summary>Loads the folder <paramref name="faqDirectory"/> from disk; throws <see cref="FaqValidationException"/>
    /// if anything is wrong.</summary>
    public static FaqContent Load(string faqDirectory)
    {
        using var folder = FaqFolder.OnDisk(faqDirectory);
        return Load(folder);
    }

    /// <summary>Loads <paramref name="folder"/>; throws <see cref="FaqValidationException"/> if anything is wrong.</summary>
    public static FaqContent Load(FaqFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<FaqProblem>();
        var pages = SourcesReader.Read(folder, problems);
        var texts = CuratedTextsReader.Read(folder, problems);
        var entries = EntriesReader.Read(folder, pages, problems);
        var vocabulary = VocabularyReader.Read(folder, problems);
        var safety = SafetyRulesReader.Read(folder, texts, problems);
        var danger = DangerExemplarsReader.Read(folder, problems);
        var uncovered = UncoveredQuestionsReader.Read(folder, entries, problems);
        var asked = AskedQuestionsReader.Read(folder, entries, uncovered, problems);
        var smallTalk = SmallTalkExamplesReader.Read(folder, safety, entries, uncovered, asked, problems);

        if (problems.Count > 0)
            throw new FaqValidationException(problems);
        return new FaqContent([.. pages.Values.Select(p => p.Page)], entries, vocabulary, safety, texts!, danger, uncovered, asked, smallTalk);
    }
}
