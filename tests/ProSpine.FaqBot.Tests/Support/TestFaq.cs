using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>The FAQ as the bot runs it: the repository's <c>faq/</c> (or a copy) with appsettings.json's thresholds.</summary>
public static class TestFaq
{
    // The tools' host: appsettings.json and the environment, registered and validated as the bot does.
    private static readonly IHost Tools = FaqToolHost.Build();

    public static AnswererFactory Answerers => Tools.Services.GetRequiredService<AnswererFactory>();

    /// <summary>
    /// The answerer recipe with <paramref name="settings"/> on top of appsettings.json, registered and validated as the
    /// bot does (the sentence model stays the one of the process).
    /// </summary>
    public static AnswererFactory AnswerersWith(IReadOnlyDictionary<string, string?> settings) =>
        FaqToolHost.Build(settings).Services.GetRequiredService<AnswererFactory>();

    public static MatchingOptions Matching => Settings<MatchingOptions>();

    public static AnsweringOptions Answering => Settings<AnsweringOptions>();

    public static DangerOptions Danger => Settings<DangerOptions>();

    /// <summary>A fresh copy of the configured settings of type <typeparamref name="T"/>, which a test may change.</summary>
    public static T FreshSettings<T>()
        where T : class => Tools.Services.GetRequiredService<IOptionsFactory<T>>().Create(Options.DefaultName);

    private static T Settings<T>()
        where T : class => Tools.Services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>
    /// How long a pump lasts, in the clinic's words as the FAQ now quotes them (the first passage of the
    /// <c>lifespan</c> entry): tests that ask "how long does the pump last" look for it, so a routine update of the
    /// page and its entry does not break them.
    /// </summary>
    public static string LifespanAnswer => RepositoryAnswerer.Value.Content.Entries.Single(e => e.Id == "lifespan").Answer[0];

    /// <summary>
    /// <see cref="LifespanAnswer"/> with its third word changed (a curator's slip), and that word: an edit that drifts
    /// from the page whatever the page says.
    /// </summary>
    public static (string Passage, string Word) DriftedLifespanAnswer()
    {
        var words = LifespanAnswer.Split(' ');
        words[2] += "zz";
        return (string.Join(' ', words), words[2]);
    }

    /// <summary>The clinic page's updated date as citations show it ("Apr 15, 2024"), from <c>sources.yaml</c>.</summary>
    public static string PageUpdated => RepositoryAnswerer.Value.Content.Pages[0].UpdatedText;

    // The repository's FAQ is answered by one shared Answerer (immutable and thread-safe): each new one would train the
    // danger classifier again, about half a second.
    private static readonly Lazy<Answerer> RepositoryAnswerer = new(() => Build(Repository.Faq));

    /// <summary>The answerer of the repository's FAQ, or a fresh one of <paramref name="faqDirectory"/> (a copy).</summary>
    public static Answerer Answerer(string? faqDirectory = null) =>
        faqDirectory is null ? RepositoryAnswerer.Value : Build(faqDirectory);

    private static Answerer Build(string faqDirectory)
    {
        return Answerers.Create(FaqLoader.Load(faqDirectory));
    }

    /// <summary>A fresh provider of the repository's FAQ or of <paramref name="faqDirectory"/>, with the given recipe.</summary>
    public static FaqProvider Provider(string? faqDirectory = null, AnswererFactory? answerers = null) => new(
        Options.Create(new FaqOptions { Path = faqDirectory ?? Repository.Faq }),
        answerers ?? Answerers,
        new HostingEnvironment { ContentRootPath = Repository.Root },
        NullLogger<FaqProvider>.Instance);
}
