using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProSpine.FaqBot.Content;

/// <summary>
/// Readiness: the FAQ is loaded (the provider is built at start-up, so a ready bot always has one). A rejected edit on
/// disk makes it Degraded: the bot still answers, from the last good version.
/// </summary>
public sealed class FaqHealthCheck(FaqProvider faq) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var entries = faq.Current.Content.Entries.Count;
        var data = new Dictionary<string, object> { ["entries"] = entries };
        return Task.FromResult(faq.LastReloadRejected
            ? HealthCheckResult.Degraded("The last FAQ edit was rejected; the previous version is serving.", data: data)
            : HealthCheckResult.Healthy($"{entries} FAQ entries loaded.", data));
    }
}
