using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using ProSpine.FaqBot.Core.Configuration;

namespace ProSpine.FaqBot.Telemetry;

/// <summary>Where the metrics go, bound from the <c>Telemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OpenTelemetry collector's OTLP/HTTP metrics endpoint, such as <c>http://127.0.0.1:4318/v1/metrics</c>.
    /// Empty (the default): the metrics are kept in-process only (<c>dotnet-counters</c> can still read them).
    /// </summary>
    public Uri? OtlpMetricsEndpoint { get; set; }

    /// <summary>How often the metrics are sent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Registers <see cref="BotMetrics"/> and, when an endpoint is configured, the OTLP exporter.</summary>
public static class TelemetryHosting
{
    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        builder.Services.AddSingleton<BotMetrics>();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.OtlpMetricsEndpoint is not { } endpoint)
            return builder;
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = endpoint;
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
            }));
        return builder;
    }
}
