using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

/// <summary>
/// The real file watcher and clock, end to end: what a curator sees after saving a file. The watcher's events, the
/// quiet-period timer and the reload all run on the thread pool, which this assembly's other tests can keep busy (an
/// edit that shows within about 1 s alone had not shown after 90 s beside them in CI), so this runs alone, after them.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class FaqReloadOnDiskTests
{
    [Fact]
    public async Task An_edit_saved_on_disk_is_picked_up_without_restart()
    {
        using var faq = Repository.CopyFaq();
        using var provider = TestFaq.Provider(faq.Directory);
        using var reloader = new FaqReloader(provider, Options.Create(new FaqOptions()), TimeProvider.System);
        await reloader.StartAsync(CancellationToken.None);

        faq.AddLifespanPhrasing(FaqReloadTests.NewPhrasing);

        var deadline = Stopwatch.StartNew();
        while (provider.Current.Answer(FaqReloadTests.NewPhrasing).Route != Route.Answer && deadline.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(50);
        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal("lifespan", provider.Current.Answer(FaqReloadTests.NewPhrasing).Answer?.Id);
    }
}
