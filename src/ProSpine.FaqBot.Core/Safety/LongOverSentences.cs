using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Tells whether a sentence tells of danger long past and over (<c>longOver</c> in <c>faq/safety.yaml</c>): "my dad
/// overdosed five years ago and has been fine since". People give such history before asking whether a pump suits
/// them, and danger's words in it raised the alarm; the sentence is background, not danger now. It needs a phrase
/// that places it long ago and one that says it is over, and none that says it is back.
/// </summary>
internal sealed class LongOverSentences
{
    private readonly PhraseFinder finder;
    private readonly HashSet<SafetyPhrase> past;
    private readonly HashSet<SafetyPhrase> over;
    private readonly HashSet<SafetyPhrase> unless;

    public LongOverSentences(LongOverPhrases? phrases)
    {
        past = [.. phrases?.Past ?? []];
        over = [.. phrases?.Over ?? []];
        unless = [.. phrases?.Unless ?? []];
        finder = new PhraseFinder(past.Concat(over).Concat(unless));
    }

    /// <summary>Whether the normalised <paramref name="words"/> of one sentence tell of danger long over.</summary>
    public bool Matches(IReadOnlyList<string> words)
    {
        if (past.Count == 0)
            return false;
        var found = finder.Occurrences(words).Select(o => o.Phrase).ToHashSet();
        return found.Overlaps(past) && found.Overlaps(over) && !found.Overlaps(unless);
    }
}
