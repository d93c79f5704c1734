using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ProSpine.FaqBot.Content;

/// <summary>
/// Watches <c>faq/</c> and reloads it after an edit. Editors save in bursts (temporary file, rename, write), so a
/// reload waits until the folder has been quiet for <see cref="QuietPeriod"/>: each change restarts the wait.
/// </summary>
public sealed class FaqReloader : IHostedService, IDisposable
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);

    private readonly FaqProvider provider;
    private readonly IFileProvider watched;
    private readonly bool enabled;
    private readonly TimeProvider time;
    private IDisposable? watching;
    private ITimer? quiet;

    public FaqReloader(FaqProvider provider, IOptions<FaqOptions> options, TimeProvider time)
        : this(provider, provider.Files, options, time)
    {
    }

    /// <param name="watched">Whose change tokens say the FAQ was edited (the provider's files; a test's own).</param>
    internal FaqReloader(FaqProvider provider, IFileProvider watched, IOptions<FaqOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.provider = provider;
        this.watched = watched;
        this.time = time;
        enabled = options.Value.WatchForChanges;
    }

    /// <remarks>Watching starts before this returns: an edit made right after start-up is not missed.</remarks>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (enabled)
        {
            quiet = time.CreateTimer(_ => provider.Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            watching = ChangeToken.OnChange(() => watched.Watch("**/*"), () => quiet.Change(QuietPeriod, Timeout.InfiniteTimeSpan));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watching?.Dispose();
        quiet?.Dispose();
    }
}
