using ProSpine.FaqBot.Core.Evaluation;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>
/// The questions the load asks: the project's labelled set (answers, hand-offs, emergencies, crises, not covered,
/// small talk) in a fixed shuffled order, so every route of the bot is exercised and every run asks the same.
/// Each client starts at its own place in the list and goes round.
/// </summary>
internal sealed class QuestionMix
{
    private const string LabelledSet = "tests/ProSpine.FaqBot.Tests/Data/labelled-questions.tsv";
    private const int Seed = 20_260_105;

    private readonly LabelledQuestion[] questions;

    private QuestionMix(LabelledQuestion[] questions) => this.questions = questions;

    public int Count => questions.Length;

    public static QuestionMix Load()
    {
        var root = FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("Run from inside the repository: faq/ not found.");
        var questions = LabelledQuestions.Load(Path.Combine(root, LabelledSet)).ToArray();
        new Random(Seed).Shuffle(questions);
        return new QuestionMix(questions);
    }

    /// <summary>The <paramref name="turn"/>-th question of client <paramref name="client"/> out of <paramref name="clients"/>.</summary>
    public string For(int client, int clients, long turn) =>
        questions[(int)((client * (long)questions.Length / Math.Max(1, clients) + turn) % questions.Length)].Question;

    /// <summary>
    /// The <paramref name="turn"/>-th question of client <paramref name="client"/>, made unique by a number at its end
    /// ("how long does a pump last (3.17)"): no two messages of a run are the same text, so a server cannot be
    /// flattered by anything it remembers. The number is one more word to read, for every server alike.
    /// </summary>
    public string Unique(int client, int clients, long turn) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{For(client, clients, turn)} ({client}.{turn})");

    /// <summary>How many questions of each kind the set holds ("answer 265, handoff 70, ...").</summary>
    public string Describe() => string.Join(", ", LabelledQuestions.Kinds.Select(kind => $"{kind} {questions.Count(q => q.Kind == kind)}"));
}
