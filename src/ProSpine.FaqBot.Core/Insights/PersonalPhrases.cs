namespace ProSpine.FaqBot.Core.Insights;

/// <summary>
/// The second step of redaction: phrases whose words may each be ordinary English but together say who someone is or
/// how to reach them. Each rule masks open words only (never a placeholder, never a word already masked), looks at
/// most a few words around a cue, and runs once over the tokens, so the whole step is linear in the message.
/// </summary>
internal static class PersonalPhrases
{
    private static readonly HashSet<string> StrongTitles = new(StringComparer.Ordinal) { "mr", "mrs", "mx", "dr", "mister", "prof" };
    private static readonly HashSet<string> WeakTitles = new(StringComparer.Ordinal)
    {
        "doctor", "nurse", "professor", "pastor", "reverend", "father", "sister", "coach", "officer", "judge", "aunt", "uncle",
    };

    private static readonly HashSet<string> Relatives = new(StringComparer.Ordinal)
    {
        "wife", "husband", "son", "daughter", "mom", "mum", "mother", "mama", "dad", "father", "papa", "sister", "brother",
        "friend", "neighbor", "neighbour", "grandson", "granddaughter", "grandma", "grandmother", "grandpa", "grandfather",
        "aunt", "uncle", "cousin", "niece", "nephew", "partner", "boyfriend", "girlfriend", "fiance", "fiancee", "caregiver",
        "kid", "child", "baby", "stepson", "stepdaughter", "stepmom", "stepdad", "sibling", "spouse", "roommate", "boss",
        "coworker", "surgeon", "doctor", "nurse", "neurologist", "pharmacist", "therapist", "physician", "pcp", "dentist",
    };

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "my", "our", "his", "her", "your", "their" };

    // After these a capitalised word, or a word of the proper-noun list, is taken for a name: "I'm Hope", "thanks Rose".
    private static readonly HashSet<string> NameCues = new(StringComparer.Ordinal)
    {
        "i'm", "im", "hi", "hello", "hey", "dear", "thanks", "thank", "thx", "regards", "sincerely", "cheers", "love",
        "name", "called", "patient", "pt", "holder", "signed",
    };

    private static readonly HashSet<string> SecretCues = new(StringComparer.Ordinal)
    {
        "password", "passcode", "passwd", "pwd", "pw", "pin", "username", "login", "userid", "id", "mrn", "policy", "member",
        "account", "acct", "plate", "license", "licence", "ssn", "social",
    };

    // After these cues the next word is masked even with no "is" or ":" between: nothing else would follow them.
    private static readonly HashSet<string> DirectSecretCues = new(StringComparer.Ordinal)
    {
        "password", "passcode", "passwd", "pwd", "pw", "username", "login", "userid", "mrn",
    };

    private static readonly HashSet<string> SecretLinks = new(StringComparer.Ordinal) { "is", "was", "are", "its", "it's", "be" };

    private static readonly HashSet<string> StreetTypes = new(StringComparer.Ordinal)
    {
        "street", "st", "avenue", "ave", "av", "road", "rd", "drive", "dr", "lane", "ln", "court", "ct", "boulevard", "blvd",
        "circle", "cir", "parkway", "pkwy", "highway", "hwy", "pl", "ter", "trl", "sq", "xing",
    };

    // Street types that are also everyday words: they end an address only after capitalised names ("Maple Hollow").
    private static readonly HashSet<string> MinorStreetTypes = new(StringComparer.Ordinal)
    {
        "way", "place", "terrace", "trail", "pike", "square", "crossing", "run", "path", "pass", "point", "ridge", "hollow", "loop",
    };

    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal) { "apt", "apartment", "unit", "suite", "ste", "lot", "room", "rm", "fl", "floor" };

    private static readonly HashSet<string> Places = new(StringComparer.Ordinal) { "in", "from", "near", "around", "outside" };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    };

    private static readonly HashSet<string> Teens = new(StringComparer.Ordinal)
    {
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    };

    private static readonly HashSet<string> Tens = new(StringComparer.Ordinal)
    {
        "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    };

    private static readonly HashSet<string> Ordinals = new(StringComparer.Ordinal)
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        "thirtieth",
    };

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "edu", "gov", "us", "io", "co", "me", "info", "biz", "uk", "ca",
    };

    // Closed-class words: never a name, a password or a place, whatever a cue before them suggests.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "me", "him",
        "them", "us", "i", "you", "he", "she", "it", "we", "they", "who", "whom", "whose", "which", "what", "when", "where",
        "why", "how", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "nor", "and", "or", "but",
        "if", "so", "than", "too", "very", "just", "also", "of", "at", "by", "for", "from", "in", "into", "on", "onto", "to",
        "with", "without", "about", "above", "after", "before", "below", "between", "over", "under", "up", "down", "out",
        "off", "again", "then", "once", "here", "there", "all", "any", "both", "each", "few", "more", "most", "other",
        "some", "such", "only", "own", "same", "as", "until", "while", "because", "through", "during", "per", "via", "i'm",
        "im", "it's", "ive", "dont", "cant", "wont", "yes", "ok", "okay", "please", "still", "now", "today", "tomorrow", "yesterday",
        "again", "always", "never", "really", "said", "says", "got", "get", "gets", "had", "having", "went", "going",
        "wants", "want", "needs", "need", "asked", "asks", "told", "keeps", "takes", "took", "works", "lives", "gave",
        "having", "doing", "feeling", "being", "getting", "not", "worried", "scared", "sure", "sorry", "glad", "done", "born",
        "passed", "died", "lives", "called", "started", "stopped", "finally",
    };

    /// <summary>
    /// The words these rules read, and abbreviations patients use around personal data ("dob", "ssn", "mg"): known
    /// words, since none of them says who anyone is.
    /// </summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        StrongTitles.Concat(WeakTitles).Concat(Relatives).Concat(Possessives).Concat(NameCues).Concat(SecretCues).Concat(StreetTypes)
            .Concat(MinorStreetTypes).Concat(UnitWords).Concat(Months.Keys).Concat(Units).Concat(Teens).Concat(Tens).Concat(Ordinals)
            .Concat(FunctionWords).Concat(["ms", "miss", "dob", "ssn", "mg", "mcg", "ml", "cc", "kg", "lb", "lbs", "mm", "cm", "hr", "hrs",
                "min", "mins", "am", "pm", "asap", "pls", "plz", "thx", "ok", "btw", "fyi", "u", "ur", "rn", "md", "er", "icu", "po", "box"]),
        StringComparer.Ordinal);

    /// <summary>Runs every rule over <paramref name="tokens"/>, in an order where each rule sees the placeholders of the earlier ones.</summary>
    public static void Mark(List<RedactionToken> tokens, RedactionVocabulary vocabulary)
    {
        SpelledEmails(tokens, vocabulary);
        Addresses(tokens);
        Dates(tokens);
        SpelledNumbers(tokens);
        SpelledLetters(tokens);
        Secrets(tokens);
        People(tokens, vocabulary);
    }

    /// <summary>"Dr", "Mr", "Mrs", "Mx", "Mister" and "Prof" are titles, and so are "Ms." (not "ms", a disease) and "Miss X".</summary>
    public static bool IsStrongTitle(List<RedactionToken> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord)
            return false;
        if (StrongTitles.Contains(token.Lower))
            return true;
        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        return token.Lower switch
        {
            "ms" => token.Text == "Ms" || next?.Before.StartsWith('.') == true,
            "miss" => token.Text == "Miss" && next is { IsWord: true, Capitalised: true, Adjacent: true },
            _ => false,
        };
    }

    private static bool Is(List<RedactionToken> tokens, int i, string word) => i >= 0 && i < tokens.Count && tokens[i].IsWord && tokens[i].Lower == word;

    private static bool IsPlaceholder(List<RedactionToken> tokens, int i, string placeholder) =>
        i >= 0 && i < tokens.Count && tokens[i].Placeholder == placeholder;

    /// <summary>
    /// Masks the open words from <paramref name="from"/> to <paramref name="to"/> as one span; with
    /// <paramref name="absorb"/>, the number, word and name placeholders inside it too ("jdoerfler61 at gmail dot com"
    /// is one e-mail address, not a number and an address).
    /// </summary>
    private static void MaskRange(List<RedactionToken> tokens, int from, int to, string placeholder, bool absorb = false)
    {
        for (var i = from; i <= to; i++)
        {
            var token = tokens[i];
            if (!token.IsOpen && !(absorb && token.Placeholder is Redaction.Number or Redaction.Word or Redaction.Name or Redaction.Link))
                continue;
            token.Mask = placeholder;
            token.JoinsPrevious = i > from && tokens[i - 1].Placeholder == placeholder;
        }
    }

    /// <summary>
    /// "jdoerfler61 at gmail dot com", "dkrueger[at]tds[dot]net", "tjkraus (at) [link]", "grandpa joe 44 at yahoo dot com":
    /// "at", then a domain spelled with "dot" (or already a link), and before "at" the user name, back to the first
    /// closed-class word or punctuation (at most four words).
    /// </summary>
    private static void SpelledEmails(List<RedactionToken> tokens, RedactionVocabulary vocabulary)
    {
        for (var at = 1; at < tokens.Count - 1; at++)
        {
            if (!Is(tokens, at, "at"))
                continue;
            // "(at)" and "[at]" are only ever e-mail; a plain "at" before a link is e-mail only after a user name no
            // list knows ("tjkraus at wi.rr.com", not "living with arachnoiditis at kathyspainjourney.net").
            var bracketed = tokens[at].Before.Contains('(') || tokens[at].Before.Contains('[');
            var spelled = false;
            var end = -1;
            if (IsPlaceholder(tokens, at + 1, Redaction.Link))
            {
                end = at + 1;
            }
            else
            {
                for (var j = at + 1; j + 1 < tokens.Count && j <= at + 7 && tokens[j].IsWord;)
                {
                    var dot = Is(tokens, j + 1, "dot");
                    if (!dot && tokens[j + 1].Before.Trim('[', ']', '(', ')', ' ') != ".")
                        break;
                    var next = dot ? j + 2 : j + 1;
                    if (next < tokens.Count && tokens[next].IsWord && TopLevelDomains.Contains(tokens[next].Lower))
                    {
                        end = next;
                        spelled = true;
                        break;
                    }
                    j = next;
                }
            }
            if (end < 0)
                continue;
            var start = at;
            while (start > 0 && at - start < 4 && !EmailBreak(tokens[start].Before, start == at)
                   && !(tokens[start - 1].IsWord && (FunctionWords.Contains(tokens[start - 1].Lower) || tokens[start - 1].Lower is "email" or "mail" or "e")))
                start--;
            var userNameUnknown = Enumerable.Range(start, at - start).All(k => !tokens[k].IsOpen || !vocabulary.Knows(tokens[k].Lower));
            if (start == at || !(spelled || bracketed || userNameUnknown))
                continue;
            MaskRange(tokens, start, end, Redaction.Email, absorb: true);
        }
    }

    // Where a spelled e-mail address cannot reach back across; brackets around "at" belong to it.
    private static bool EmailBreak(string separator, bool beforeAt) =>
        separator.Any(c => c is ',' or ';' or ':' or '!' or '?' or '"' || (!beforeAt && c is '(' or ')' or '[' or ']'));

    // A word of a street's name: "W", "Oak", "[number]" (84th); in lower case too ("elm") before a plain street type.
    private static bool StreetNamePart(RedactionToken token, bool strict) =>
        token.Placeholder == Redaction.Number || (token.IsOpen && !FunctionWords.Contains(token.Lower)
            && (token.Capitalised || token.Text.Length == 1 || (!strict && token.Text.All(char.IsAsciiLetterLower))));

    private static bool HasClauseBreak(string separator) => separator.Any(c => c is ',' or ';' or ':' or '!' or '?' or '(' or ')' or '"');

    /// <summary>
    /// A number followed within five words by a street type ("1420 W Oak Ridge Dr", "2207 S 84th St"), with an apartment
    /// or unit after it; "PO Box 118".
    /// </summary>
    private static void Addresses(List<RedactionToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Placeholder == Redaction.Number)
            {
                // The furthest street type within five words, every word before it part of a street's name.
                var end = -1;
                for (var j = i + 1; j < tokens.Count && j <= i + 5 && !HasClauseBreak(tokens[j].Before) && !HasSentenceBreak(tokens[j].Before); j++)
                {
                    var type = tokens[j].IsWord && (StreetTypes.Contains(tokens[j].Lower) || MinorStreetTypes.Contains(tokens[j].Lower));
                    if (type && j > i + 1 && Enumerable.Range(i + 1, j - i - 1).All(k => StreetNamePart(tokens[k], strict: !StreetTypes.Contains(tokens[j].Lower))))
                        end = j;
                    else if (!StreetNamePart(tokens[j], strict: false))
                        break;
                }
                if (end < 0)
                    continue;
                if (end + 2 < tokens.Count && tokens[end + 1].IsWord && UnitWords.Contains(tokens[end + 1].Lower))
                    end += 2;
                MaskRange(tokens, i, end, Redaction.Address, absorb: true);
                i = end;
            }
            else if ((Is(tokens, i, "po") || Is(tokens, i, "p")) && i + 2 < tokens.Count)
            {
                var box = Is(tokens, i + 1, "box") ? i + 1 : Is(tokens, i + 1, "o") && Is(tokens, i + 2, "box") ? i + 2 : -1;
                if (box > 0 && box + 1 < tokens.Count && tokens[box + 1].Placeholder == Redaction.Number)
                    MaskRange(tokens, i, box + 1, Redaction.Address, absorb: true);
            }
        }
    }

    /// <summary>
    /// A month next to a day or year, in digits or words: "june second nineteen forty nine", "the fifth of May, nineteen
    /// forty four", "October twenty third", "March 3 1962".
    /// </summary>
    private static void Dates(List<RedactionToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsOpen || !Months.ContainsKey(tokens[i].Lower))
                continue;
            var start = i;
            while (start > 0 && DatePart(tokens[start - 1], allowThe: true) && !HasClauseBreak(tokens[start].Before))
                start--;
            var end = i;
            while (end + 1 < tokens.Count && DatePart(tokens[end + 1], allowThe: false) && !tokens[end + 1].Before.Contains(';'))
                end++;
            // "of" and "the" only join a date: trailing ones, and a leading "of", stay.
            while (end > i && tokens[end].IsWord && tokens[end].Lower is "of" or "the" or "and")
                end--;
            while (start < i && tokens[start].IsWord && tokens[start].Lower is "of" or "and")
                start++;
            if (!Enumerable.Range(start, end - start + 1).Any(k => k != i && IsNumeric(tokens[k])))
                continue;
            if (start < i && tokens[start].Lower == "the" && !IsNumeric(tokens[start + 1]))
                start++;
            MaskRange(tokens, start, end, Redaction.Date, absorb: true);
            i = end;
        }
    }

    private static bool DatePart(RedactionToken token, bool allowThe) =>
        IsNumeric(token) || (token.IsOpen && (token.Lower is "of" or "and" || (allowThe && token.Lower == "the")));

    private static bool IsNumeric(RedactionToken token) =>
        token.Placeholder == Redaction.Number || (token.IsOpen && (IsNumberWord(token.Lower) || Ordinals.Contains(token.Lower)));

    private static bool IsNumberWord(string word) => Units.Contains(word) || Teens.Contains(word) || Tens.Contains(word);

    /// <summary>
    /// Numbers in words: three or more number words in a row ("four one four", "five three zero four five"), number
    /// words next to a number ("262 five five five 0121"), and years ("nineteen sixty").
    /// </summary>
    private static void SpelledNumbers(List<RedactionToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!(IsSpelledDigit(tokens[i]) || tokens[i].Placeholder == Redaction.Number) || tokens[i].Lower is "oh" or "o")
                continue;
            var end = i;
            while (end + 1 < tokens.Count && (IsSpelledDigit(tokens[end + 1]) || tokens[end + 1].Placeholder == Redaction.Number
                       || (Is(tokens, end + 1, "and") && end + 2 < tokens.Count && IsSpelledDigit(tokens[end + 2])))
                   && !tokens[end + 1].Before.Any(c => c is '.' or ';' or '!' or '?'))
                end++;
            var words = Enumerable.Range(i, end - i + 1).Count(k => tokens[k].IsOpen);
            var numbers = end - i + 1 - words;
            var year = words >= 2 && (Teens.Contains(tokens[i].Lower) || tokens[i].Lower == "twenty") && tokens[i + 1].IsOpen
                       && (Tens.Contains(tokens[i + 1].Lower) || Teens.Contains(tokens[i + 1].Lower));
            if (words + numbers >= 3 || (numbers > 0 && words > 0) || year)
                MaskRange(tokens, i, end, Redaction.Number);
            i = end;
        }
    }

    private static bool IsSpelledDigit(RedactionToken token) =>
        token.IsOpen && (IsNumberWord(token.Lower) || token.Lower is "oh" or "o" or "double" or "triple");

    /// <summary>
    /// A name or id spelled letter by letter: three or more single letters ("j a n e", "k-x-m"), or a letter "as in" a
    /// word ("B as in boy", "M as in mary").
    /// </summary>
    private static void SpelledLetters(List<RedactionToken> tokens)
    {
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            if (tokens[i].IsOpen && tokens[i].Text.Length == 1 && char.IsAsciiLetter(tokens[i].Text[0]) && Is(tokens, i + 1, "as") && Is(tokens, i + 2, "in"))
                MaskRange(tokens, i, i + 3, Redaction.Word, absorb: true);
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = i;
            while (end < tokens.Count && tokens[end].IsOpen && tokens[end].Text.Length == 1 && char.IsAsciiLetter(tokens[end].Text[0])
                   && (end == i || tokens[end].Before.Trim().Length <= 1))
                end++;
            if (end - i >= 3)
                MaskRange(tokens, i, end - 1, Redaction.Word);
            i = Math.Max(i, end - 1);
        }
    }

    /// <summary>
    /// "password is X", "pin: X", "username X", "member ID is X": the word after "is" (or ":" / "=") within the next
    /// four words, or for the cues that only ever precede one ("password", "username"), the next word.
    /// </summary>
    private static void Secrets(List<RedactionToken> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            // A cue followed by a placeholder has had its secret masked already ("member id [number]").
            if (!tokens[i].IsOpen || !SecretCues.Contains(tokens[i].Lower) || !tokens[i + 1].IsWord)
                continue;
            var target = -1;
            for (var j = i + 1; j < tokens.Count && j <= i + 5 && !HasSentenceBreak(tokens[j].Before) && !tokens[j].Before.Contains(','); j++)
            {
                if (tokens[j].Before.Contains(':') || tokens[j].Before.Contains('='))
                {
                    target = j;
                    break;
                }
                if (tokens[j].IsWord && SecretLinks.Contains(tokens[j].Lower) && j + 1 < tokens.Count)
                {
                    target = j + 1;
                    break;
                }
            }
            if (target < 0 && DirectSecretCues.Contains(tokens[i].Lower))
                target = i + 1;
            if (target > 0 && tokens[target].IsOpen && !HasSentenceBreak(tokens[target].Before))
                tokens[target].Mask = Redaction.Secret;
        }
    }

    private static bool HasSentenceBreak(string separator) => separator.Any(c => c is '.' or '!' or '?' or ';');

    /// <summary>
    /// Names: after a title ("Dr. Hope", "Mrs. Rose"), "my name is", a relative ("my wife hope"), a greeting or "I'm";
    /// a capitalised word followed by "here" ("Bill here."); every word no list knows; a lower-case place after "in" or
    /// "from"; then, unless case says nothing in this message, a capitalised word inside a sentence that is neither a
    /// day, month or language nor capitalised by the FAQ, and every capitalised word next to a name.
    /// </summary>
    private static void People(List<RedactionToken> tokens, RedactionVocabulary vocabulary)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var next = tokens[i + 1];
            if (!tokens[i].IsOpen || !next.IsOpen || (HasClauseBreak(next.Before) || HasSentenceBreak(next.Before)) && !(next.Before.Trim() == "." && IsStrongTitle(tokens, i)))
                continue;
            if (IsStrongTitle(tokens, i)
                || (Is(tokens, i, "is") && Is(tokens, i - 1, "name"))
                || Is(tokens, i, "named") || Is(tokens, i, "name's") || Is(tokens, i, "names")
                || (Is(tokens, i, "me") && Is(tokens, i - 1, "call")))
            {
                if (!FunctionWords.Contains(next.Lower) || next.Capitalised)
                    next.Mask = Redaction.Person;
            }
            else if (IsNameCue(tokens, i) && LooksLikeName(next, vocabulary))
            {
                next.Mask = Redaction.Person;
            }
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsOpen)
                continue;
            // Whatever the word: "Will here, will the refill...".
            if (token.Capitalised && Is(tokens, i + 1, "here") && !HasSentenceBreak(tokens[i + 1].Before))
                token.Mask = Redaction.Person;
            else if (!vocabulary.Knows(token.Lower))
                token.Mask = token.Capitalised || RedactionVocabulary.IsName(token.Lower) ? Redaction.Name : Redaction.Word;
        }
        PlaceNames(tokens);

        // Decided on the words still open after every rule that does not depend on it, so that redacting the result
        // again decides the same (the rules below only ever mask capitalised words, which can only lower the share).
        if (Caseless(tokens))
            return;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsOpen && token.Capitalised && !token.SentenceStart && !vocabulary.IsCapitalisedWord(token.Lower)
                && !IsStrongTitle(tokens, i) && !WeakTitles.Contains(token.Lower))
                token.Mask = Redaction.Name;
        }
        ExtendNames(tokens);
    }

    private static bool IsNameCue(List<RedactionToken> tokens, int i)
    {
        if (!tokens[i].IsWord)
            return false;
        var word = tokens[i].Lower;
        return WeakTitles.Contains(word) || NameCues.Contains(word)
            || (Relatives.Contains(word) && i > 0 && Possessives.Contains(tokens[i - 1].Lower))
            || (word == "is" && Is(tokens, i - 1, "this"))
            || (word == "am" && Is(tokens, i - 1, "i"))
            || (word == "law" && Is(tokens, i - 1, "in") && i > 1 && Relatives.Contains(tokens[i - 2].Lower));
    }

    // After a cue, a month or day written capitalised is a name too ("my wife June", "thanks April").
    private static bool LooksLikeName(RedactionToken token, RedactionVocabulary vocabulary) =>
        !FunctionWords.Contains(token.Lower) && (token.Capitalised || RedactionVocabulary.IsName(token.Lower) || !vocabulary.Knows(token.Lower));

    /// <summary>
    /// Whether case says nothing in this message: most of the words still open are capitalised (Title Case, caps
    /// lock).
    /// </summary>
    private static bool Caseless(List<RedactionToken> tokens)
    {
        var counted = 0;
        var upper = 0;
        foreach (var token in tokens)
        {
            if (!token.IsOpen || token.SentenceStart || !char.IsAsciiLetter(token.Text[0]) || token.Text == "I" || token.Text.StartsWith("I'", StringComparison.Ordinal))
                continue;
            counted++;
            if (char.IsAsciiLetterUpper(token.Text[0]))
                upper++;
        }
        // Four in five: "I saw Rose Baker" (two of three) still has case to read; "How Long Does The Pump Last" has none.
        return counted >= 2 && upper * 5 >= counted * 4;
    }

    /// <summary>"Sue Ellen Marsh", "April Nowak", "Hales Corners": capitalised words next to a name are part of it.</summary>
    private static void ExtendNames(List<RedactionToken> tokens)
    {
        bool IsName(RedactionToken t) => t.Placeholder is Redaction.Name or Redaction.Person;
        // The first word of a sentence is capitalised anyway: it joins a name only if it is one ("Sue Ellen Marsh", not "Does Medtronic").
        bool Joinable(int k) => tokens[k].IsOpen && tokens[k].Capitalised && !IsStrongTitle(tokens, k) && !WeakTitles.Contains(tokens[k].Lower)
            && !FunctionWords.Contains(tokens[k].Lower) && (!tokens[k].SentenceStart || RedactionVocabulary.IsName(tokens[k].Lower));
        for (var i = 1; i < tokens.Count; i++)
        {
            if (IsName(tokens[i - 1]) && tokens[i].Adjacent && Joinable(i))
                tokens[i].Mask = tokens[i - 1].Placeholder;
        }
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (IsName(tokens[i + 1]) && tokens[i + 1].Adjacent && Joinable(i))
                tokens[i].Mask = tokens[i + 1].Placeholder;
        }
    }

    /// <summary>
    /// A place in lower case after "in", "from" or "near": the words up to the last one no list knows or the proper-noun
    /// list holds, when the first is not a closed-class word ("from fond du lac", "from west bend", not "in my L4").
    /// </summary>
    private static void PlaceNames(List<RedactionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !Places.Contains(tokens[i].Lower) || !tokens[i + 1].IsOpen || FunctionWords.Contains(tokens[i + 1].Lower))
                continue;
            var last = -1;
            for (var j = i + 1; j < tokens.Count && j <= i + 3 && (j == i + 1 || tokens[j].Adjacent); j++)
            {
                if (tokens[j].Placeholder is Redaction.Word or Redaction.Name
                    || (tokens[j].IsOpen && !FunctionWords.Contains(tokens[j].Lower) && RedactionVocabulary.IsName(tokens[j].Lower)))
                    last = j;
                else if (!tokens[j].IsOpen || FunctionWords.Contains(tokens[j].Lower))
                    break;
            }
            if (last >= i + 1)
                MaskRange(tokens, i + 1, last, tokens[last].Placeholder ?? Redaction.Name);
        }
    }
}
