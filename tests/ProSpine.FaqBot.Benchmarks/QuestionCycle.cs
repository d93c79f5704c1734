namespace ProSpine.FaqBot.Benchmarks;

/// <summary>
/// The next question of a fixed list at each call, round the list: each benchmark invocation asks one question, and
/// a run of invocations covers the list's mix of kinds.
/// </summary>
internal sealed class QuestionCycle(string[] questions)
{
    private int next;

    public string Next()
    {
        var question = questions[next];
        next = (next + 1) % questions.Length;
        return question;
    }
}
