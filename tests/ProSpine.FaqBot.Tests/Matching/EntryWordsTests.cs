using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;

namespace ProSpine.FaqBot.Tests.Matching;

public sealed class EntryWordsTests
{
    private static readonly IReadOnlyList<FaqEntry> Entries =
    [
        Entry("lifespan"),
        Entry("refill"),
    ];

    private static readonly SourcePage Page = new("page", "Page", "Clinic", new DateOnly(2024, 1, 1), "Author", "", "text");

    // "pump" and "battery" each appear under more than one class: only "pump last" and "battery last" tell a question
    // the FAQ answers from one it does not.
    private static readonly (IReadOnlyList<string> Terms, int Entry)[] Examples =
    [
        (["how", "long", "pump", "last"], 0),
        (["pump", "last", "year"], 0),
        (["when", "pump", "wear", "out"], 0),
        (["how", "pump", "refill"], 1),
        (["refill", "visit"], 1),
        (["how", "often", "refill", "pump"], 1),
        (["how", "long", "battery", "last"], -1),
        (["battery", "last", "year"], -1),
        (["pump", "battery", "charge"], -1),
    ];

    private static FaqEntry Entry(string id) => new(id, $"About {id}?", [], [$"The answer about {id}."], Page, "FAQs", [], []);

    private static EntryWords Learn(IReadOnlyList<(IReadOnlyList<string> Terms, int Entry)> examples) =>
        EntryWords.Learn(Entries, examples, (_, compute) => compute());

    [Fact]
    public void Words_and_pairs_tell_an_entry_from_a_question_the_faq_does_not_answer()
    {
        var words = Learn(Examples);

        Assert.Equal("lifespan", words.Likeliest(["does", "pump", "last", "long"]).Entry?.Id);
        Assert.Equal("refill", words.Likeliest(["refill", "visit", "often"]).Entry?.Id);
        var battery = words.Likeliest(["does", "battery", "last", "long"]);
        Assert.Null(battery.Entry);
        Assert.True(battery.Probability > 0.5);
    }

    [Fact]
    public void The_same_examples_always_give_the_same_reading()
    {
        var first = Learn(Examples);
        var second = Learn([.. Examples]);

        foreach (var terms in new[] { new[] { "pump", "last" }, ["refill"], ["words", "never", "seen"] })
            Assert.Equal(first.Likeliest(terms), second.Likeliest(terms));
    }

    [Fact]
    public void Weights_are_kept_in_rows_and_refused_when_learned_from_other_examples()
    {
        // Over a thousand features: the weights of the three classes fill several kept rows.
        (IReadOnlyList<string>, int)[] examples =
        [
            .. Enumerable.Range(0, 400).Select(i => ((IReadOnlyList<string>)[$"calm{i}"], -1)),
            .. Enumerable.Range(0, 100).Select(_ => ((IReadOnlyList<string>)["refill", "visit"], 1)),
        ];
        var kept = new Dictionary<string, float[][]>();
        float[][] Keep(string key, Func<float[][]> compute) => kept.TryGetValue(key, out var rows) ? rows : kept[key] = compute();

        var learned = EntryWords.Learn(Entries, examples, Keep);
        var restored = EntryWords.Learn(Entries, examples, (key, _) => kept[key]);

        var rows = Assert.Single(kept).Value;
        Assert.True(rows.Length > 1);
        Assert.True(rows.All(row => row.Length <= 4096));
        Assert.Equal(learned.Likeliest(["refill", "visit"]), restored.Likeliest(["refill", "visit"]));
        Assert.Equal("refill", restored.Likeliest(["refill", "visit"]).Entry?.Id);
        Assert.Throws<ArgumentException>(() => EntryWords.Learn(Entries, examples[..3], (_, _) => rows));
    }
}
