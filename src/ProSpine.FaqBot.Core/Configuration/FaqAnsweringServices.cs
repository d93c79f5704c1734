using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Matching;
using ProSpine.FaqBot.Core.Safety;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.Core.Configuration;

/// <summary>
/// The one registration of what answers a question: the matching, answering and danger settings (bound and
/// validated), the sentence model and the <see cref="AnswererFactory"/>. The bot and the tools both call it, so they
/// read the same settings from the same sources and cannot disagree on a threshold.
/// </summary>
public static class FaqAnsweringServices
{
    public static IServiceCollection AddFaqAnswering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<MatchingOptions>(MatchingOptions.Section);
        services.AddValidatedOptions<AnsweringOptions>(AnsweringOptions.Section);
        services.AddValidatedOptions<DangerOptions>(DangerOptions.Section);
        // One model per process (about 300 MB), loaded on first use: test hosts in one process share it. The curated
        // texts' vectors are read from Danger:VectorCacheFile (under the content root), so the bot and the tools alike
        // start in seconds instead of encoding every example again.
        services.TryAddSingleton(provider =>
        {
            var embeddings = SentenceModel.Shared;
            var file = provider.GetRequiredService<IOptions<DangerOptions>>().Value.VectorCacheFile;
            if (!string.IsNullOrEmpty(file))
                embeddings.UseCacheFile(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, file));
            return embeddings;
        });
        services.TryAddSingleton<AnswererFactory>();
        return services;
    }
}
