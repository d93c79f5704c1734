using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Whether a sentence tells of danger long past and over (<c>longOver</c> in <c>faq/safety.yaml</c>): "my dad
/// overdosed five years ago and has been fine since". People give such history before asking whether a pump suits
/// them, and danger's words in it raised the alarm; the sentence is background, not danger now. It needs a phrase
/// that places it long ago and one that says it is over, and the message must say nowhere that it is back: "I was
/// suicidal last year and survived. Lately it is back." is read whole.
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

    /// <summary>
    /// Whether a message's normalised <paramref name="words"/> may hold such history: they place something long ago,
    /// and say nowhere that the danger is back or is now. Most messages do not, and their sentences need no reading.
    /// </summary>
    public bool MayHold(IReadOnlyList<string> words)
    {
        var found = finder.Occurrences(words).Select(o => o.Phrase).ToHashSet();
        return found.Overlaps(past) && !found.Overlaps(unless);
    }

    /// <summary>Whether the normalised <paramref name="words"/> of one sentence place danger long ago and say it is over.</summary>
    public bool Matches(IReadOnlyList<string> words)
    {
        var found = finder.Occurrences(words).Select(o => o.Phrase).ToHashSet();
        return found.Overlaps(past) && found.Overlaps(over);
    }
}
