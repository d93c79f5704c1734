using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Faq;

public sealed class FaqReloadTests
{
    [Fact]
    public void A_broken_edit_is_rejected_and_the_last_good_faq_keeps_serving()
    {
        using var faq = Repository.CopyFaq();
        var provider = TestFaq.Provider(faq.Directory);
        var before = provider.Current;
        faq.Replace("entries/lifespan.yaml", "can last 5-10 years", "can last 5-12 years");

        Assert.False(provider.Reload());

        Assert.Same(before, provider.Current);
        Assert.Contains("5-10 years", provider.Current.Answer("how long does an intrathecal pump last").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_is_picked_up_without_restart()
    {
        using var faq = Repository.CopyFaq();
        var provider = TestFaq.Provider(faq.Directory);
        using var reloader = new FaqReloader(provider, Options.Create(new FaqOptions { Path = faq.Directory }));
        await reloader.StartAsync(CancellationToken.None);
        const string NewPhrasing = "zebra quokka pump durability question";
        Assert.NotEqual(Route.Answer, provider.Current.Answer(NewPhrasing).Route);

        faq.Replace("entries/lifespan.yaml", "alternates:\n", $"alternates:\n  - {NewPhrasing}\n");

        var deadline = Stopwatch.StartNew();
        while (provider.Current.Answer(NewPhrasing).Route != Route.Answer && deadline.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal("lifespan", provider.Current.Answer(NewPhrasing).Answer?.Id);
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
