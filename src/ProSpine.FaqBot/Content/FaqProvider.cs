using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Faq;
using ProSpine.FaqBot.Core.Insights;

namespace ProSpine.FaqBot.Content;

/// <summary>
/// Holds the answerer of the last good FAQ. The FAQ is loaded when the provider is created, so broken FAQ data stops
/// start-up; later reloads that fail validation are logged and leave the current FAQ serving.
/// </summary>
public sealed class FaqProvider : IDisposable
{
    private readonly AnswererFactory answerers;
    private readonly ILogger<FaqProvider> logger;
    private readonly FaqFolder folder;
    private readonly Lock reloading = new();
    private Answerer current;
    private Redactor redactor;

    public FaqProvider(IOptions<FaqOptions> faq, AnswererFactory answerers, IHostEnvironment environment, ILogger<FaqProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(faq);
        ArgumentNullException.ThrowIfNull(answerers);
        ArgumentNullException.ThrowIfNull(environment);
        this.answerers = answerers;
        this.logger = logger;
        Directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, faq.Value.Path));
        folder = FaqFolder.OnDisk(Directory);
        (current, redactor) = Build();
        logger.LogInformation("FAQ loaded from {FaqDirectory}: {EntryCount} entries", Directory, current.Content.Entries.Count);
    }

    public string Directory { get; }

    /// <summary>The FAQ's files, which the reloader watches for edits.</summary>
    public IFileProvider Files => folder.Files;

    /// <summary>The answerer of the last FAQ version that passed validation.</summary>
    public Answerer Current => Volatile.Read(ref current);

    /// <summary>Redacts patients' words with the vocabulary of the last FAQ version that passed validation.</summary>
    public Redactor Redactor => Volatile.Read(ref redactor);

    /// <summary>Whether the last reload was rejected, so an edit on disk is not what is serving.</summary>
    public bool LastReloadRejected { get; private set; }

    /// <summary>Loads the FAQ again; on failure logs every problem and keeps the current version. One reload runs at
    /// a time, so a slow reload can never overwrite the newer one that followed it.</summary>
    /// <returns>Whether the new version was taken.</returns>
    public bool Reload()
    {
        using var _ = reloading.EnterScope();
        try
        {
            var (answerer, newRedactor) = Build();
            Volatile.Write(ref current, answerer);
            Volatile.Write(ref redactor, newRedactor);
            LastReloadRejected = false;
            logger.LogInformation("FAQ reloaded: {EntryCount} entries", current.Content.Entries.Count);
            return true;
        }
        catch (FaqValidationException e)
        {
            logger.LogError("FAQ edit rejected, the previous version keeps serving. {Problems}", string.Join("; ", e.Problems));
            LastReloadRejected = true;
            return false;
        }
        catch (IOException e)
        {
            logger.LogError(e, "FAQ could not be read, the previous version keeps serving");
            LastReloadRejected = true;
            return false;
        }
    }

    private (Answerer, Redactor) Build()
    {
        var content = FaqLoader.Load(folder);
        return (answerers.Create(content), Redactor.For(content));
    }

    public void Dispose() => folder.Dispose();
}
