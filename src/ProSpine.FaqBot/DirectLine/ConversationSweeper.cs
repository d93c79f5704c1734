using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// Discards idle conversations in the background. Lookups already ignore idle conversations; the sweep frees the
/// memory of the ones nobody looks up again (closed pages).
/// </summary>
public sealed class ConversationSweeper(ConversationStore store, IOptions<DirectLineOptions> options, TimeProvider time) : BackgroundService
{
    /// <summary>A quarter of the idle timeout, at most a minute: an idle conversation lingers a little, not long.</summary>
    public TimeSpan Interval { get; } = TimeSpan.FromTicks(Math.Min(options.Value.IdleTimeout.Ticks / 4, TimeSpan.TicksPerMinute));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                store.RemoveIdle();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
