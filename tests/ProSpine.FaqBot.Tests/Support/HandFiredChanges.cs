using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// Files read from <paramref name="inner"/>, whose change token fires only when the test calls <see cref="Change"/>:
/// a reload test then decides when "the folder changed" instead of waiting on a real file watcher.
/// </summary>
internal sealed class HandFiredChanges(IFileProvider inner) : IFileProvider, IDisposable
{
    private CancellationTokenSource changed = new();

    public IFileInfo GetFileInfo(string subpath) => inner.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => new CancellationChangeToken(changed.Token);

    /// <summary>Tells every watcher that something changed, as one file-system event would.</summary>
    public void Change()
    {
        // The watcher asks for its next token as this one fires: it must already be the new one.
        var fired = changed;
        changed = new CancellationTokenSource();
        fired.Cancel();
        fired.Dispose();
    }

    public void Dispose() => changed.Dispose();
}
