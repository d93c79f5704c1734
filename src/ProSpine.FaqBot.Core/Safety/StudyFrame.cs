using ProSpine.FaqBot.Core.Content;

namespace ProSpine.FaqBot.Core.Safety;

/// <summary>
/// Whether a message says it is asked for study (<c>askedForStudy</c> in <c>faq/safety.yaml</c>): "could a pump cause
/// a seizure? asking for a neuro class", "for my EMT class: how should we handle an unresponsive patient". Students ask
/// in danger's words about no one's situation, and those words raised the alarm. The frame alone decides nothing: what
/// it may lower, and when, is <see cref="DangerReader.GivesWayToStudy"/>'s.
/// </summary>
internal sealed class StudyFrame
{
    // "for my first aid cert", "for a nursing school paper": the subject ends a short phrase that starts with "for",
    // or heads the message ("first aid class: what are the signs of a stroke?").
    private const int MaxWordsBetween = 3;
    private const int HeadingWords = 4;

    private readonly HashSet<string> subjects;
    private readonly PhraseFinder phrases;
    private readonly PhraseFinder now;

    public StudyFrame(StudyPhrases? study)
    {
        subjects = [.. study?.Subjects.Select(s => s.Words[0]) ?? []];
        phrases = new PhraseFinder(study?.Phrases ?? []);
        now = new PhraseFinder(study?.Unless ?? []);
    }

    /// <summary>
    /// Whether the normalised <paramref name="words"/> of a message say it is asked for study, and nothing in it says
    /// that something is happening now ("for a paper: how long can someone breathe twice a minute? my uncle is doing
    /// that right now").
    /// </summary>
    public bool Holds(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Framed(words) && now.Occurrences(words).Count == 0;
    }

    /// <summary>
    /// <paramref name="words"/> without each "for ... subject" phrase of a frame ("for my pharm class"): it says who asks,
    /// not whose care it is.
    /// </summary>
    public IReadOnlyList<string> Without(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        List<string>? kept = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "for" && SubjectAfter(words, i) is { } end)
            {
                kept ??= [.. words.Take(i)];
                i = end;
                continue;
            }
            kept?.Add(words[i]);
        }
        return kept ?? words;
    }

    // The index of the subject that ends a frame started by the "for" at index start, if any.
    private int? SubjectAfter(IReadOnlyList<string> words, int start)
    {
        for (var j = start + 1; j < words.Count && j <= start + 1 + MaxWordsBetween; j++)
        {
            if (subjects.Contains(words[j]))
                return j;
        }
        return null;
    }

    private bool Framed(IReadOnlyList<string> words)
    {
        if (words.Take(HeadingWords).Any(subjects.Contains))
            return true;
        return Enumerable.Range(0, words.Count).Any(i => words[i] == "for" && SubjectAfter(words, i) is not null)
            || phrases.Occurrences(words).Count > 0;
    }
}
