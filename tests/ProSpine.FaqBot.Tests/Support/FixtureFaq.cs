using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// The fixture FAQ (<c>Data/fixture-faq</c>): a made-up clinic and page that endpoint, channel and rendering tests run
/// the bot on (<see cref="BotApplicationFactory"/> uses it by default), so a curator's edit of the real <c>faq/</c>
/// never breaks them. Tests read its facts here, from the folder as the bot loads it, instead of repeating its words.
/// </summary>
public static class FixtureFaq
{
    public const string Lifespan = "lifespan";
    public const string Safety = "safety";
    public const string Medications = "medications";
    public const string SideEffects = "side-effects";

    /// <summary>The fixture clinic's phone for call buttons (<c>Answering:ClinicPhone</c>), matching <see cref="Phone"/>.</summary>
    public const string PhoneToDial = "+15550100199";

    /// <summary>The folder, in the test output (the build adds the repository's safety rules to it).</summary>
    public static string Directory => Repository.TestData("fixture-faq");

    /// <summary>The settings that point the bot at the fixture: its folder and its clinic's phone.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Faq:Path"] = Directory,
        ["Answering:ClinicPhone"] = PhoneToDial,
    };

    public static FaqContent Content => Answerer().Content;

    /// <summary>A fresh copy of the fixture in a temporary folder, to break or edit safely.</summary>
    public static TemporaryFaq Copy() => new(Directory);

    /// <summary>The English text <paramref name="key"/> of the fixture's <c>messages.yaml</c> (see <c>TextKeys</c>).</summary>
    public static string Text(string key) => Content.Texts.Get(key);

    /// <summary>The page's phone as it shows it, "(555) 010-0199" (the answer of <c>phone-number</c>).</summary>
    public static string Phone => AnswerOf("phone-number");

    public static string PageTitle => Content.Pages[0].Title;

    public static string Clinic => Content.Pages[0].Clinic;

    /// <summary>The page's updated date as citations show it ("Mar 2, 2025").</summary>
    public static string PageUpdated => Content.Pages[0].UpdatedText;

    /// <summary>The answer to "how long does the pump last", word for word.</summary>
    public static string LifespanAnswer => AnswerOf(Lifespan);

    /// <summary>The answer to "is a pain pump safe", word for word.</summary>
    public static string SafetyAnswer => AnswerOf(Safety);

    /// <summary>The answer to "what medications are used in the pump", word for word.</summary>
    public static string MedicationsAnswer => AnswerOf(Medications);

    /// <summary>The first passage of the entry <paramref name="id"/>.</summary>
    public static string AnswerOf(string id) => Content.Find(id)?.Answer[0] ?? throw new ArgumentException($"no entry '{id}' in the fixture FAQ", nameof(id));

    /// <summary>The answerer of the fixture with the settings the bot gets from <see cref="Settings"/>: what the bot
    /// replies, computed without it.</summary>
    public static Answerer Answerer() => Loaded.Value;

    /// <summary>A fresh provider of the fixture, for bots built outside a host (<c>TestFlow</c>).</summary>
    public static FaqProvider Provider() => TestFaq.Provider(Directory, Answerers.Value);

    // appsettings.json's thresholds with the fixture's settings (its clinic's phone), as BotApplicationFactory sets them.
    private static readonly Lazy<AnswererFactory> Answerers = new(() => TestFaq.AnswerersWith(Settings));

    // One shared answerer (immutable and thread-safe): each new one trains the danger classifier again.
    private static readonly Lazy<Answerer> Loaded = new(() => Answerers.Value.Create(FaqLoader.Load(Directory)));
}
