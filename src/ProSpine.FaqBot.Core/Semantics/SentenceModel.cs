namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// The process's one sentence model and its vectors of curated texts, loaded on first use. One per process because
/// the model is large (about 300 MB): the bot, the curator and every test host share it.
/// </summary>
public static class SentenceModel
{
    private static readonly Lazy<CuratedEmbeddings> SharedInstance =
        new(() => new CuratedEmbeddings(new MiniLmSentenceEncoder()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static CuratedEmbeddings Shared => SharedInstance.Value;
}
