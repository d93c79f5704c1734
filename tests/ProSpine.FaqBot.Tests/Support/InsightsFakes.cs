using System.Threading.Channels;
using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>A folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-tests-" + Guid.NewGuid().ToString("N"));

    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // A host may be disposed twice (Dispose, then DisposeAsync).
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Passes every call to a real store and signals each finished write, so a test awaits the background writer
/// instead of sleeping.
/// </summary>
public sealed class SignallingStore(IInsightsStore inner) : IInsightsStore
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<bool> written = Channel.CreateUnbounded<bool>();

    /// <summary>Waits for <paramref name="count"/> more writes; fails after <see cref="Patience"/>.</summary>
    public async Task WaitForWritesAsync(int count = 1)
    {
        using var timeout = new CancellationTokenSource(Patience);
        for (var i = 0; i < count; i++)
            await written.Reader.ReadAsync(timeout.Token);
    }

    public async Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        await inner.AddAsync(question, cancellationToken);
        written.Writer.TryWrite(true);
    }

    public async Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        await inner.AddAsync(vote, cancellationToken);
        written.Writer.TryWrite(true);
    }

    public Task<IReadOnlyList<UnansweredQuestion>> UnansweredSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
        inner.UnansweredSinceAsync(since, cancellationToken);

    public Task<IReadOnlyList<FeedbackVote>> VotesSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
        inner.VotesSinceAsync(since, cancellationToken);

    public Task<int> PurgeBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken) => inner.PurgeBeforeAsync(cutoff, cancellationToken);
}
