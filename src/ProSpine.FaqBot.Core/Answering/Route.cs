namespace ProSpine.FaqBot.Core.Answering;

/// <summary>Where a message goes. Declared in order of precedence: the first route that applies wins.</summary>
public enum Route
{
    /// <summary>Nothing to read: an empty message or one made of symbols.</summary>
    Empty,
    /// <summary>Longer than the configured limit: the person is asked to shorten it.</summary>
    TooLong,
    /// <summary>Thoughts of suicide or self-harm: 988 and 911, nothing else first.</summary>
    Crisis,
    /// <summary>Signs of an emergency: call 911 now.</summary>
    Emergency,
    /// <summary>A pump or wound problem that needs the care team today.</summary>
    Urgent,
    /// <summary>The person's own care, or something only staff can answer: the clinic's phone.</summary>
    Handoff,
    /// <summary>Greetings, thanks, "are you a bot".</summary>
    SmallTalk,
    /// <summary>A general question the FAQ answers.</summary>
    Answer,
    /// <summary>A close call between FAQ entries: the person chooses.</summary>
    DidYouMean,
    /// <summary>Anything else: said honestly, with the clinic's phone.</summary>
    NotCovered,
}

