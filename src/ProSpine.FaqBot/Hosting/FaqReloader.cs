using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.Hosting;

/// <summary>
/// Watches <c>faq/</c> and reloads it after an edit. Editors save in bursts (temporary file, rename, write), so a
/// reload waits until the folder has been quiet for <see cref="QuietPeriod"/>.
/// </summary>
public sealed class FaqReloader(FaqProvider provider, IOptions<FaqOptions> options) : BackgroundService
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchForChanges)
            return;
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(provider.Directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        void OnChange(object sender, EventArgs e) => changed.Release();
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;

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
}
