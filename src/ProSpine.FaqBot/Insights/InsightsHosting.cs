using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Staff;

namespace ProSpine.FaqBot.Insights;

/// <summary>Registers what staff see in Teams: the redacted insights store, its recorder, and the staff commands.</summary>
public static class InsightsHosting
{
    public static WebApplicationBuilder AddStaffInsights(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<InsightsOptions>(InsightsOptions.Section);
        services.AddValidatedOptions<StaffOptions>(StaffOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInsightsStore>(sp => new SqliteInsightsStore(
            Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<InsightsOptions>>().Value.DatabasePath),
            () => sp.GetRequiredService<FaqProvider>().Redactor));
        services.AddSingleton<InsightsRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightsRecorder>());
        return builder;
    }
}
