using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Tests.Support;
using Xunit.Abstractions;

namespace ProSpine.FaqBot.Tests.Insights;

/// <summary>
/// The redaction of the bot (the repository's FAQ vocabulary) over a corpus of realistic messages with personal data,
/// written by a helper who never saw the redaction code (<c>Data/pii/README.md</c>). The tuning set was looked at
/// while the redaction was designed; the holdout only once the design was final. The rule for a leak is
/// <see cref="RedactionCorpus.Evaluate(Func{string, string}, IEnumerable{PersonalDataRow})"/>'s.
/// </summary>
public sealed class RedactionCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<Redactor> Bot = new(() => Redactor.For(FaqLoader.Load(Repository.Faq)));

    public static TheoryData<string> Corpora => new() { "pii-tune.tsv", "pii-holdout.tsv" };

    private static IReadOnlyList<PersonalDataRow> Load(string file) =>
        RedactionCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Data", "pii", file));

    [Theory]
    [MemberData(nameof(Corpora))]
    public void No_personal_datum_survives_redaction(string file)
    {
        var rows = Load(file);

        var report = RedactionCorpus.Evaluate(Bot.Value, rows);

        // The figures for docs/privacy-redaction-notes.md: dotnet test --filter RedactionCorpus --logger "console;verbosity=detailed"
        output.WriteLine(file);
        output.WriteLine(report.Format());
        Assert.True(rows.Count >= 90 && report.Data >= 100, $"{rows.Count} rows, {report.Data} data");
        Assert.Empty(report.Leaks);
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Redacting_a_redacted_row_again_changes_nothing(string file)
    {
        Assert.All(Load(file), row =>
        {
            var once = Bot.Value.Redact(row.Message);
            Assert.Equal(once.Value, Bot.Value.Redact(once.Value).Value);
        });
    }

    [Fact]
    public void The_check_finds_every_datum_a_redactor_leaves_in_place()
    {
        var rows = Load("pii-tune.tsv");

        var report = RedactionCorpus.Evaluate(text => text, rows);

        Assert.Equal(rows.Sum(r => r.Personal.Count), report.Leaks.Where(l => l.Datum != "(any digit)").Select(l => (l.RowId, l.Datum)).Distinct().Count());
        Assert.Equal((0, report.Words.Total), report.Words);
    }

    [Fact]
    public void The_check_finds_a_common_word_left_of_a_name_and_counts_nothing_lost_when_exactly_the_data_go()
    {
        PersonalDataRow[] rows =
        [
            new("a", "Bill here. got the bill for Rose Baker, is that right?", ["Bill", "Rose Baker"]),
            new("b", "my wife hope has the pump", ["hope"]),
        ];

        var halfway = RedactionCorpus.Evaluate(text => text.Replace("Rose ", "", StringComparison.Ordinal).Replace("hope", "[person]", StringComparison.Ordinal), rows);
        var exact = RedactionCorpus.Evaluate(text => rows.Single(r => r.Message == text).Personal.Aggregate(text, (t, d) => t.Replace(d, "[person]", StringComparison.Ordinal)), rows);

        Assert.Equal([("a", "Bill"), ("a", "Rose Baker")], halfway.Leaks.Select(l => (l.RowId, l.Datum)).Distinct());
        Assert.Contains(halfway.Leaks, l => l.Survivor == "baker");
        Assert.Empty(exact.Leaks);
        Assert.Equal(0, exact.Words.Masked);
    }
}
