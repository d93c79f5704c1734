using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>An OpenTelemetry collector on a loopback port: it keeps every OTLP/HTTP metrics export POSTed to <c>/v1/metrics</c>.</summary>
public sealed class OtlpCollectorStub : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpCollectorStub(WebApplication app) => this.app = app;

    /// <summary>The raw protobuf bodies; OTLP's names and string values are plain UTF-8 inside them.</summary>
    public ConcurrentQueue<byte[]> Exports { get; } = new();

    public Uri MetricsEndpoint => new(app.Urls.First() + "/v1/metrics");

    public static async Task<OtlpCollectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new OtlpCollectorStub(app);
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            stub.Exports.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return stub;
    }

    /// <summary>Waits for an export whose text holds every one of <paramref name="texts"/>; returns it as Latin-1 text.</summary>
    public async Task<string> WaitForAsync(TimeSpan timeout, params string[] texts)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (var export in Exports)
            {
                var text = System.Text.Encoding.Latin1.GetString(export);
                if (texts.All(t => text.Contains(t, StringComparison.Ordinal)))
                    return text;
            }
            if (cancel.IsCancellationRequested)
            {
                var all = string.Join("\n", Exports.Select(e => System.Text.Encoding.Latin1.GetString(e)));
                throw new TimeoutException($"{Exports.Count} exports; missing: {string.Join(", ", texts.Where(t => !all.Contains(t, StringComparison.Ordinal)))}");
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
