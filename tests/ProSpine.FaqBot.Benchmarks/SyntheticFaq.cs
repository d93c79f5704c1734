using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Text;

namespace ProSpine.FaqBot.Benchmarks;

/// <summary>
/// A made-up FAQ of any size, shaped like the real one so that the matcher's inverted index has realistic postings,
/// and questions to ask it. The same seed always gives the same entries and questions.
/// <para>
/// Each entry is about a topic of three words and has four to eight phrasings: a question frame taken from the real
/// FAQ ("how long does", "what is a"), two or three of the topic words, sometimes one more word. Words come from the
/// real FAQ's vocabulary followed by generated words, drawn with a skew towards the start of that pool, so a few
/// words are in thousands of phrasings and most in a handful, as in real text.
/// </para>
/// </summary>
internal sealed class SyntheticFaq
{
    private const int TopicWords = 3;
    private const string Consonants = "bdfgklmnprstvz";
    private const string Vowels = "aeiou";

    private readonly FaqContent real;
    private readonly Random random;
    private readonly List<string> frames;
    private readonly List<string> pool;
    private readonly HashSet<string> used;

    /// <param name="generatedWords">Words added to the real FAQ's vocabulary: about one per entry is realistic.</param>
    public SyntheticFaq(FaqContent real, int generatedWords, int seed)
    {
        this.real = real;
        random = new Random(seed);
        var phrasings = real.Entries.SelectMany(e => e.Phrasings).Select(TextNormalizer.Words).ToList();
        var vocabulary = real.Vocabulary;
        bool IsFunctionWord(string word) => vocabulary.Ignore.Contains(word) || vocabulary.Weak.Contains(word);

        frames = phrasings
            .Select(words => string.Join(' ', words.TakeWhile(IsFunctionWord)))
            .Where(frame => frame.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        // The real FAQ's content words first, commonest first: they are drawn most often.
        pool = phrasings
            .Concat(real.Entries.SelectMany(e => e.Answer).Select(TextNormalizer.Words))
            .SelectMany(words => words)
            .Where(word => !IsFunctionWord(word))
            .CountBy(word => word, StringComparer.Ordinal)
            .OrderByDescending(count => count.Value)
            .ThenBy(count => count.Key, StringComparer.Ordinal)
            .Select(count => count.Key)
            .ToList();
        used = [.. pool, .. phrasings.SelectMany(words => words)];
        for (var i = 0; i < generatedWords; i++)
            pool.Add(NewWord());
    }

    /// <summary><paramref name="count"/> entries, each quoting the real FAQ's first page (never shown to anyone).</summary>
    public List<FaqEntry> Entries(int count)
    {
        var entries = new List<FaqEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = new HashSet<string>(StringComparer.Ordinal);
            while (topic.Count < TopicWords)
                topic.Add(CommonWord());
            var phrasings = Enumerable.Range(0, random.Next(4, 9)).Select(_ => Phrasing([.. topic])).ToList();
            var answer = topic.Concat(Enumerable.Range(0, random.Next(10, 20)).Select(_ => CommonWord()));
            entries.Add(new FaqEntry(
                Id: $"synthetic-{i:D5}",
                Question: phrasings[0],
                Alternates: phrasings[1..],
                Answer: [string.Join(' ', answer) + "."],
                Page: real.Pages[0],
                Section: "Synthetic",
                Related: [],
                Tags: []));
        }
        return entries;
    }

    /// <summary>
    /// <paramref name="count"/> questions: of every five, two are a phrasing with a typo, two a phrasing with a word
    /// left out, and one is about words the FAQ does not have.
    /// </summary>
    public List<string> Questions(IReadOnlyList<FaqEntry> entries, int count)
    {
        var questions = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = entries[random.Next(entries.Count)];
            var words = TextNormalizer.Words(Pick(entry.Phrasings.ToList())).ToList();
            switch (i % 5)
            {
                case 0 or 1:
                    WithTypo(words);
                    break;
                case 2 or 3:
                    if (words.Count > 2)
                        words.RemoveAt(random.Next(words.Count));
                    break;
                default:
                    words = [.. Pick(frames).Split(' '), NewWord(), NewWord()];
                    break;
            }
            questions.Add(string.Join(' ', words));
        }
        return questions;
    }

    private string Phrasing(string[] topic)
    {
        random.Shuffle(topic);
        var words = topic.Take(random.Next(2, TopicWords + 1)).ToList();
        if (random.Next(2) == 0)
            words.Insert(random.Next(words.Count + 1), CommonWord());
        return $"{Pick(frames)} {string.Join(' ', words)}";
    }

    /// <summary>A word of the pool; the square of a uniform draw makes the first words of the pool far likelier.</summary>
    private string CommonWord()
    {
        var u = random.NextDouble();
        return pool[(int)(u * u * pool.Count)];
    }

    /// <summary>A pronounceable word of two to four syllables that neither the real FAQ nor this one has yet.</summary>
    private string NewWord()
    {
        while (true)
        {
            var syllables = random.Next(2, 5);
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
                $"{Consonants[random.Next(Consonants.Length)]}{Vowels[random.Next(Vowels.Length)]}"));
            if (used.Add(word))
                return word;
        }
    }

    /// <summary>Two neighbouring letters swapped, a letter dropped or a letter doubled, in the longest word.</summary>
    private void WithTypo(List<string> words)
    {
        var at = words.IndexOf(words.MaxBy(w => w.Length)!);
        var word = words[at];
        if (word.Length < 5)
            return;
        var i = random.Next(1, word.Length - 1);
        words[at] = random.Next(3) switch
        {
            0 => string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1, 1), word.AsSpan(i, 1), word.AsSpan(i + 2)),
            1 => word.Remove(i, 1),
            _ => word.Insert(i, word[i..(i + 1)]),
        };
    }

    private T Pick<T>(List<T> items) => items[random.Next(items.Count)];
}
