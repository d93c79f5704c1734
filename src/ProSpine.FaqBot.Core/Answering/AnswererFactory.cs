using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Content;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Core.Answering;

/// <summary>
/// Builds the answerer of one FAQ version with the configured thresholds. The bot (at start-up and on every reload)
/// and the tools use this one recipe, so a curator's <c>ask</c> routes a question exactly as the bot does. The
/// curated texts' vectors of the version built are kept in the cache file (when one is set), so the next start, of
/// the bot or of a tool, encodes nothing it has seen.
/// </summary>
public sealed class AnswererFactory(
    IOptions<MatchingOptions> matching, IOptions<AnsweringOptions> answering, IOptions<DangerOptions> danger, CuratedEmbeddings embeddings)
{
    public Answerer Create(FaqContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var answerer = new Answerer(content, matching.Value, answering.Value, DangerReader.For(content, embeddings, danger.Value));
        embeddings.SaveLoadedTexts();
        return answerer;
    }
}
