using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.Core.Configuration;

/// <summary>
/// The host of the command-line tools (the curator, the Teams package command) and of tests and benchmarks that
/// answer without the web server. It is the generic host the bot's web host is built on, with the bot's content root,
/// so settings come from the same sources in the same order: <c>appsettings.json</c>, then
/// <c>appsettings.{Environment}.json</c>, then environment variables (<c>Matching__AnswerThreshold=0.65</c>).
/// </summary>
public static class FaqToolHost
{
    /// <summary>A built host with <see cref="FaqAnsweringServices.AddFaqAnswering"/> registered; not started.</summary>
    /// <param name="settings">Settings layered over every other source, for tests; none in the tools.</param>
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The folder with appsettings.json and faq/, found from any working directory, as the bot finds it.
            ContentRootPath = FaqFolderLocator.FindRoot() ?? Directory.GetCurrentDirectory(),
            // The bot's web host also takes its environment's name from ASPNETCORE_ENVIRONMENT.
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
            // Command-line arguments are the tools' own, not settings.
            Args = [],
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        // A tool's output is what it prints; the host's own log lines would only interleave with it.
        builder.Logging.ClearProviders();
        builder.Services.AddFaqAnswering();
        return builder.Build();
    }
}
