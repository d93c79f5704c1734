using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Matching;

namespace ProSpine.FaqBot.Benchmarks;

/// <summary>Which FAQ a benchmark asks: the repository's own, or a synthetic one of that many entries.</summary>
public enum FaqSize
{
    Real,
    Synthetic1k,
    Synthetic10k,
}

/// <summary>
/// An <see cref="Answerer"/> built as the bot builds it (appsettings.json's thresholds, the real vocabulary, safety
/// rules and messages), the questions to ask it, and every phrasing of its FAQ for the FuzzySharp baseline.
/// </summary>
internal sealed record FaqWorkload(Answerer Answerer, string[] Questions, string[] Phrasings)
{
    /// <summary>The project's own labelled questions, asked of the real FAQ.</summary>
    private const string LabelledSet = "tests/ProSpine.FaqBot.Tests/Data/labelled-questions.tsv";

    private const int SyntheticQuestions = 500;
    private const int Seed = 20_250_601;

    public static FaqWorkload Create(FaqSize size)
    {
        var root = FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("Run from inside the repository: faq/ not found.");
        var real = FaqLoader.Load(Path.Combine(root, "faq"));
        using var host = FaqToolHost.Build();
        var answerers = host.Services.GetRequiredService<AnswererFactory>();
        // The danger classifier is trained on the real FAQ for every size: a synthetic FAQ's made-up phrasings would
        // only slow its training, and reading a message for danger costs the same whatever the FAQ's size.
        var realAnswerer = answerers.Create(real);
        FaqContent content;
        string[] questions;
        if (size == FaqSize.Real)
        {
            content = real;
            questions = [.. LabelledQuestions.Load(Path.Combine(root, LabelledSet)).Select(q => q.Question)];
        }
        else
        {
            var count = size == FaqSize.Synthetic1k ? 1_000 : 10_000;
            var synthetic = new SyntheticFaq(real, generatedWords: count, Seed);
            var entries = synthetic.Entries(count);
            content = new FaqContent(real.Pages, entries, real.Vocabulary, real.Safety, real.Texts, real.Danger, real.Uncovered, real.Asked, real.SmallTalk);
            questions = [.. synthetic.Questions(entries, SyntheticQuestions)];
        }
        // Mixed, so that any run of questions (one iteration of a slow benchmark) is a fair sample of all kinds.
        new Random(Seed).Shuffle(questions);
        var answerer = size == FaqSize.Real ? realAnswerer
            : new Answerer(content, host.Services.GetRequiredService<IOptions<MatchingOptions>>().Value,
                host.Services.GetRequiredService<IOptions<AnsweringOptions>>().Value, realAnswerer.Danger);
        return new FaqWorkload(answerer, questions, [.. content.Entries.SelectMany(e => e.Phrasings)]);
    }

    /// <summary>How the questions are answered, to show the workload is a realistic mix ("Answer 212, NotCovered 98").</summary>
    public string Describe()
    {
        var routes = Questions.CountBy(q => Answerer.Answer(q).Route).OrderBy(r => r.Key)
            .Select(r => $"{r.Key} {r.Value}");
        return $"{Answerer.Content.Entries.Count} entries, {Phrasings.Length} phrasings, {Questions.Length} questions: {string.Join(", ", routes)}";
    }
}
