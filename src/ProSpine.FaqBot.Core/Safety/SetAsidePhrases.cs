using ProSpine.FaqBot.Core.Content;
namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// The <c>setAside</c> phrases of <c>faq/safety.yaml</c>: words that use danger's vocabulary without danger, such as
/// negations ("not suicidal"), asking in general ("just curious", "for a school project") and figures of speech
/// ("dying to know", "you saved my life"). They are removed before a message is read for danger, so an alarm needs
/// something else in the message that describes danger: "not suicidal, just curious how long the pump lasts" is a
/// question about the pump, while "I'm not suicidal but I've saved up my pills" still shows a plan.
/// </summary>
public sealed class SetAsidePhrases
{
    private readonly PhraseFinder finder;

    public SetAsidePhrases(IEnumerable<SafetyPhrase> phrases) => finder = new PhraseFinder(phrases);

    /// <summary><paramref name="words"/> without the words of any set-aside phrase.</summary>
    public IReadOnlyList<string> From(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var occurrences = finder.Occurrences(words);
        if (occurrences.Count == 0)
            return words;
        var removed = new bool[words.Count];
        foreach (var (_, start, length) in occurrences)
        {
            for (var i = start; i < start + length; i++)
                removed[i] = true;
        }
        return [.. words.Where((_, i) => !removed[i])];
    }
}
