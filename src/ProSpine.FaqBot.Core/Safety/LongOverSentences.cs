using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Whether a sentence tells of danger long past and over (<c>longOver</c> in <c>faq/safety.yaml</c>): "my dad
/// overdosed five years ago and has been fine since". People give such history before asking whether a pump suits
/// them, and danger's words in it raised the alarm; the sentence is background, not danger now. It needs a phrase
/// that places it long ago and one that says it is over, and the message must say nowhere that it is back: "I was
/// suicidal last year and survived. Lately it is back." is read whole.
/// </summary>
/// <remarks>
/// In a message that names no crisis, three kinds of history need no phrase saying it is over, when their sentence
/// says nothing in the present: a death placed long ago ("my brother died of an overdose in 2016"), someone who has
/// died ("my late husband"), and an emergency placed long ago ("my grandpa had a heart attack in 1998"); for these a
/// year after "in" also places a sentence long ago. An emergency that long ago is over; a crisis, or grief beside one,
/// may not be.
/// </remarks>
internal sealed class LongOverSentences
{
    private readonly PhraseFinder finder;
    private readonly HashSet<SafetyPhrase> past;
    private readonly HashSet<SafetyPhrase> over;
    private readonly HashSet<SafetyPhrase> unless;
    private readonly HashSet<SafetyPhrase> died;
    private readonly HashSet<SafetyPhrase> gone;
    private readonly HashSet<SafetyPhrase> present;
    private readonly PhraseFinder pointsBack;
    private readonly Func<IReadOnlyList<string>, bool> namesEmergencyNotCrisis;

    /// <param name="namesEmergencyNotCrisis">Whether a sentence's words name an emergency by the rules, and no crisis.</param>
    public LongOverSentences(LongOverPhrases? phrases, Func<IReadOnlyList<string>, bool> namesEmergencyNotCrisis)
    {
        past = [.. phrases?.Past ?? []];
        over = [.. phrases?.Over ?? []];
        unless = [.. phrases?.Unless ?? []];
        died = [.. phrases?.Died ?? []];
        gone = [.. phrases?.Gone ?? []];
        present = [.. phrases?.Present ?? []];
        pointsBack = new PhraseFinder(phrases?.PointsBack ?? []);
        this.namesEmergencyNotCrisis = namesEmergencyNotCrisis;
        finder = new PhraseFinder(past.Concat(over).Concat(unless).Concat(died).Concat(gone).Concat(present));
    }

    /// <summary>
    /// Whether a message's normalised <paramref name="words"/> may hold such history: they place something long ago,
    /// and say nowhere that the danger is back or is now. Most messages do not, and their sentences need no reading.
    /// </summary>
    public bool MayHold(IReadOnlyList<string> words)
    {
        var found = finder.Occurrences(words).Select(o => o.Phrase).ToHashSet();
        return (found.Overlaps(past) || found.Overlaps(gone) || NamesAPastYear(words)) && !found.Overlaps(unless);
    }

    /// <summary>
    /// Whether the normalised <paramref name="words"/> of one sentence place danger long ago and say it is over;
    /// <paramref name="messageNamesCrisis"/> allows only the first kind (see the remarks).
    /// </summary>
    public bool Matches(IReadOnlyList<string> words, bool messageNamesCrisis)
    {
        var found = finder.Occurrences(words).Select(o => o.Phrase).ToHashSet();
        if (found.Overlaps(past) && found.Overlaps(over))
            return true;
        if (messageNamesCrisis || found.Overlaps(present))
            return false;
        var longAgo = found.Overlaps(past) || NamesAPastYear(words);
        return found.Overlaps(gone) || (longAgo && (found.Overlaps(died) || namesEmergencyNotCrisis(words)));
    }

    /// <summary>
    /// Whether a clause left once a clause of history is taken out of its sentence points back to it ("and he is
    /// having one"): read alone, it would say nothing.
    /// </summary>
    public bool PointsBack(IReadOnlyList<string> words) => pointsBack.Occurrences(words).Count > 0;

    /// <summary>
    /// "in 2016", "back in 1998": a year after "in". Not after "since" ("suicidal since 2016" is still so), nor
    /// anywhere else, where four digits are more often an amount ("an overdose of 2000 mg").
    /// </summary>
    private static bool NamesAPastYear(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i - 1] == "in" && words[i].Length == 4 && int.TryParse(words[i], out var year) && year is >= 1900 and <= 2099)
                return true;
        }
        return false;
    }
}
