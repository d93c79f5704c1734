using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

public sealed class FaqLoaderTests
{
    [Fact]
    public void The_real_faq_passes_validation_with_every_answer_verbatim()
    {
        var content = FaqLoader.Load(Repository.Faq);

        Assert.True(content.Entries.Count >= 25);
        var page = File.ReadAllText(Path.Combine(Repository.Faq, "source", "intrathecal-pump-page.txt"));
        Assert.Equal(page, content.Pages.Single().Text);
        Assert.All(content.Entries, e => Assert.True(e.Alternates.Count >= 10, $"{e.Id} has only {e.Alternates.Count} alternates"));
    }

    [Fact]
    public void English_words_under_languages_are_rejected_at_their_line()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("safety.yaml", "  es: [hola", "  en: [hola");

        var problems = faq.LoadProblems();

        Assert.Contains(problems, p => p.File == "faq/safety.yaml" && p.Line == faq.LineOf("safety.yaml", "  en: [hola")
            && p.Message.Contains("English needs no words here", StringComparison.Ordinal));
    }

    // The clinic's page as the project received it: beside the repository on project machines and in CI.
    private static readonly string ReceivedPage = Path.Combine(Repository.Root, "..", "shared", "source", "intrathecal-pump-page.txt");

    [FactWithReceivedPage]
    public void The_faq_source_page_is_the_clinics_page_of_the_same_date()
    {
        // A copy that claims the received page's "Updated on" date must be it byte for byte; a newer version of the
        // page, taken in by a curator with its new date, is held to the verbatim rule and to sources.yaml's date.
        var received = File.ReadAllText(ReceivedPage);
        var copy = File.ReadAllText(Path.Combine(Repository.Faq, "source", "intrathecal-pump-page.txt"));
        if (UpdatedLine(copy) == UpdatedLine(received))
            Assert.Equal(received, copy);
        Assert.Contains(TestFaq.PageUpdated, UpdatedLine(copy), StringComparison.Ordinal);
    }

    private static string UpdatedLine(string page) =>
        page.Split('\n').Single(line => line.StartsWith("Updated on ", StringComparison.Ordinal));

    private sealed class FactWithReceivedPageAttribute : FactAttribute
    {
        public FactWithReceivedPageAttribute()
        {
            if (!File.Exists(ReceivedPage))
                Skip = "the clinic's page as received (../shared/source) is not beside this repository";
        }
    }

    [Fact]
    public void A_yaml_syntax_error_names_file_and_line()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("entries/lifespan.yaml", "alternates:", "alternates: [unclosed");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/lifespan.yaml", problem.File);
        Assert.True(problem.Line > 0);
        Assert.Contains("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        File.Copy(faq.PathOf("entries/lifespan.yaml"), faq.PathOf("entries/lifespan-copy.yaml"));

        var problems = faq.LoadProblems();

        Assert.Contains(problems, p => p.File == "faq/entries/lifespan-copy.yaml" && p.Line == faq.LineOf("entries/lifespan-copy.yaml", "id: lifespan") && p.Message.Contains("must match the file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_files_with_the_same_id_are_rejected()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("entries/replacement.yaml", "id: replacement", "id: lifespan");
        File.Move(faq.PathOf("entries/replacement.yaml"), faq.PathOf("entries/lifespan.yml"));

        var problems = faq.LoadProblems();

        Assert.Contains(problems, p => p.File == "faq/entries/lifespan.yml" && p.Line > 0 && p.Message.Contains("used by another entry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_answer_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        var path = faq.PathOf("entries/anesthesia.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.StartsWith("answer:", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !l.StartsWith(' ') && !l.StartsWith('-'));
        lines.RemoveRange(start, end - start);
        File.WriteAllLines(path, lines);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/anesthesia.yaml", problem.File);
        Assert.True(problem.Line > 0);
        Assert.Contains("\"answer\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not present", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_that_drifts_from_the_source_is_rejected_with_the_place_it_differs()
    {
        using var faq = Repository.CopyFaq();
        var (drifted, word) = TestFaq.DriftedLifespanAnswer();
        faq.Replace("entries/lifespan.yaml", TestFaq.LifespanAnswer, drifted);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/lifespan.yaml", problem.File);
        // The line of the passage, or of its "- >-" marker just above when it is written as a block.
        Assert.InRange(problem.Line, faq.LineOf("entries/lifespan.yaml", drifted) - 1, faq.LineOf("entries/lifespan.yaml", drifted));
        Assert.Contains("not word for word", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"differs at \"{word}", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Whitespace_and_typography_may_differ_from_the_source()
    {
        using var faq = Repository.CopyFaq();
        var passage = TestFaq.LifespanAnswer;
        var space = passage.IndexOf(' ', StringComparison.Ordinal);
        var retyped = (passage[..space] + "  " + passage[(space + 1)..]).Replace("-", "\u2013", StringComparison.Ordinal);
        faq.Replace("entries/lifespan.yaml", passage, retyped);

        FaqLoader.Load(faq.Directory);
    }

    [Fact]
    public void A_passage_that_says_what_an_earlier_passage_says_is_rejected_at_its_line()
    {
        using var faq = Repository.CopyFaq();
        var passage = TestFaq.LifespanAnswer;
        faq.Replace("entries/lifespan.yaml", "\nsource:", $"\n  - >-\n    {passage}\nsource:");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/lifespan.yaml", problem.File);
        Assert.Equal(faq.LineOf("entries/lifespan.yaml", "source:") - 2, problem.Line);
        Assert.Contains("says what passage 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrasing_shared_by_two_entries_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        var question = FaqLoader.Load(faq.Directory).Find("replacement")!.Question;
        faq.AddLifespanPhrasing($"\"{question.ToUpperInvariant()}\"");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/replacement.yaml", problem.File);
        Assert.Contains("also used by entry 'lifespan'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("faq/entries/lifespan.yaml", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>One mistake in one entry file gives one problem, at the line a curator must fix.</summary>
    [Theory]
    // A related entry that does not exist (the validator's own rule, across files).
    [InlineData("related: [replacement", "related: [no-such-entry", "no-such-entry", "'no-such-entry' does not exist")]
    // A typo in a field name does not pass silently (the schema's additionalProperties).
    [InlineData("alternates:", "alternatives:", "alternatives:", "unknown field 'alternatives'")]
    // The schema allows three related entries; the bot holds entries to the schema editors use.
    [InlineData("related: [", "related: [trial, safety, anesthesia, ", "related:", "'related'")]
    // Ids are lowercase words and dashes (the schema's pattern).
    [InlineData("id: lifespan", "id: Life_Span", "id: Life_Span", "'id'")]
    public void A_mistake_in_an_entry_is_reported_at_its_line(string from, string to, string lineWith, string message)
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("entries/lifespan.yaml", from, to);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/entries/lifespan.yaml", problem.File);
        Assert.Equal(faq.LineOf("entries/lifespan.yaml", lineWith), problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  unless: [again,", "  unles: [again,", "unknown field 'unles'")]    // a misspelled list of longOver
    // Subjects of study are looked for one word after "for": two words could never be found.
    [InlineData("  subjects: [class,", "  subjects: [nursing class,", "subject 'nursing class' must be one word")]
    // Filler is allowed word by word beside small talk: a phrase of two would allow each word alone.
    [InlineData("smallTalkFiller: [much,", "smallTalkFiller: [so much,", "small-talk filler 'so much' must be one word")]
    // A filler of no words at all would be dropped without a word.
    [InlineData("smallTalkFiller: [much,", "smallTalkFiller: [\"?!\", much,", "small-talk filler '?!' must be one word")]
    [InlineData("  subjects: [class,", "  subjects: [\"?!\", class,", "subject '?!' must be one word")]
    [InlineData("    maxWords: 8", "    maxWords: eight", "'maxWords' must be a whole number of at least 1, not 'eight'")]
    [InlineData("    maxWords: 8", "    maxWords: 0", "'maxWords' must be a whole number of at least 1, not '0'")]
    public void A_mistake_in_safety_yaml_is_reported_at_its_line(string original, string broken, string message)
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("safety.yaml", original, broken);

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/safety.yaml", problem.File);
        Assert.Equal(faq.LineOf("safety.yaml", broken), problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_entry_schema_stops_loading()
    {
        using var faq = Repository.CopyFaq();
        File.Delete(faq.PathOf("schema/entry.schema.json"));

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/schema/entry.schema.json", problem.File);
    }

    [Fact]
    public void A_missing_english_message_is_rejected()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("messages.yaml", "  notCovered:", "  notCoverd:");

        var problem = Assert.Single(faq.LoadProblems());

        Assert.Equal("faq/messages.yaml", problem.File);
        Assert.Contains("'notCovered' is missing", problem.Message, StringComparison.Ordinal);
    }

    // Adding a language is content plus one registration (Language.Registered): content alone is refused at its line.
    [Theory]
    [InlineData("messages.yaml", "\nes:\n", "\nfr:\n")]
    [InlineData("safety.yaml", "  es: [hola", "  fr: [hola")]
    public void A_language_that_is_not_registered_is_rejected_at_its_line(string file, string from, string to)
    {
        using var faq = Repository.CopyFaq();
        faq.Replace(file, from, to);

        var problems = faq.LoadProblems();

        // Renaming Spanish's texts also leaves safety.yaml's Spanish words without their hand-off: a second problem.
        Assert.Contains(problems, p => p.File == $"faq/{file}" && p.Line == faq.LineOf(file, to.Trim())
            && p.Message.Contains("'fr' is not a registered language", StringComparison.Ordinal));
    }
}
