using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

public sealed class FaqReloadTests
{
    [Fact]
    public void A_broken_edit_is_rejected_and_the_last_good_faq_keeps_serving()
    {
        using var faq = Repository.CopyFaq();
        using var provider = TestFaq.Provider(faq.Directory);
        var before = provider.Current;
        faq.Replace("entries/lifespan.yaml", TestFaq.LifespanAnswer, TestFaq.DriftedLifespanAnswer().Passage);

        Assert.False(provider.Reload());

        Assert.Same(before, provider.Current);
        Assert.Contains(TestFaq.LifespanAnswer, provider.Current.Answer("how long does an intrathecal pump last").Text, StringComparison.Ordinal);
    }

    /// <summary>A phrasing no entry answers until it is added to the lifespan entry.</summary>
    internal const string NewPhrasing = "zebra quokka pump wombat question";

    /// <summary>A copy of the FAQ served and watched, whose change events and clock the test drives.</summary>
    private sealed class WatchedCopy : IDisposable
    {
        public TemporaryFaq Faq { get; } = Repository.CopyFaq();
        public FaqProvider Provider { get; }
        public HandFiredChanges Changes { get; }
        public FakeTimeProvider Time { get; } = new();
        public FaqReloader Reloader { get; }

        public WatchedCopy(bool watch)
        {
            Provider = TestFaq.Provider(Faq.Directory);
            Changes = new HandFiredChanges(Provider.Files);
            Reloader = new FaqReloader(Provider, Changes, Options.Create(new FaqOptions { WatchForChanges = watch }), Time);
        }

        public void AddPhrasing() => Faq.AddLifespanPhrasing(NewPhrasing);

        public void Dispose()
        {
            Reloader.Dispose();
            Changes.Dispose();
            Provider.Dispose();
            Faq.Dispose();
        }
    }

    [Fact]
    public async Task An_edit_is_reloaded_once_the_folder_has_been_quiet_for_the_quiet_period()
    {
        using var copy = new WatchedCopy(watch: true);
        var (provider, changes, time) = (copy.Provider, copy.Changes, copy.Time);
        await copy.Reloader.StartAsync(CancellationToken.None);
        Assert.NotEqual(Route.Answer, provider.Current.Answer(NewPhrasing).Route);

        // An editor saves in a burst: each event restarts the wait.
        copy.AddPhrasing();
        changes.Change();
        time.Advance(FaqReloader.QuietPeriod - TimeSpan.FromMilliseconds(1));
        changes.Change();
        time.Advance(FaqReloader.QuietPeriod - TimeSpan.FromMilliseconds(1));
        var duringBurst = provider.Current.Answer(NewPhrasing).Route;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.NotEqual(Route.Answer, duringBurst);
        Assert.Equal("lifespan", provider.Current.Answer(NewPhrasing).Answer?.Id);
    }

    [Fact]
    public async Task Nothing_is_reloaded_when_watching_is_off()
    {
        using var copy = new WatchedCopy(watch: false);
        await copy.Reloader.StartAsync(CancellationToken.None);
        var before = copy.Provider.Current;

        copy.AddPhrasing();
        copy.Changes.Change();
        copy.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Same(before, copy.Provider.Current);
    }

    [Fact]
    public void Broken_faq_data_stops_start_up_with_the_file_and_line()
    {
        // The provider is built before the server listens; the real process then exits with the problems and no
        // stack trace (PublishTests.Broken_faq_data_stops_start_up_with_file_and_line_and_no_stack_trace).
        using var faq = Repository.CopyFaq();
        faq.Replace("entries/safety.yaml", "question:", "question: [broken");

        var validation = Assert.Throws<FaqValidationException>(() => TestFaq.Provider(faq.Directory));

        Assert.Contains(validation.Problems, p => p.File == "faq/entries/safety.yaml" && p.Line > 0);
    }
}
