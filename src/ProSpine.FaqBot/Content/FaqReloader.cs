using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.Content;

/// <summary>
/// Watches <c>faq/</c> and reloads it after an edit. Editors save in bursts (temporary file, rename, write), so a
/// reload waits until the folder has been quiet for <see cref="QuietPeriod"/>.
/// </summary>
public sealed class FaqReloader(FaqProvider provider, IOptions<FaqOptions> options) : BackgroundService
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);

    private readonly SemaphoreSlim changed = new(0);
    private FileSystemWatcher? watcher;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The watcher starts before StartAsync returns: an edit made right after start-up must not be missed.
        if (options.Value.WatchForChanges)
        {
            watcher = new FileSystemWatcher(provider.Directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
        }
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        watcher?.Dispose();
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (watcher is null)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                while (await changed.WaitAsync(QuietPeriod, stoppingToken))
                {
                    // Still changing: wait for the burst to end.
                }
                provider.Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnChange(object sender, EventArgs e) => changed.Release();
}
