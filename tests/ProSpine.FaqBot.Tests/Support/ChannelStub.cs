using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// A channel (or the Emulator) on a loopback port: it records every activity the bot POSTs to
/// <c>/v3/conversations/{conversationId}/activities/{replyToId}</c>, optionally after a delay (a slow or hanging channel).
/// </summary>
public sealed class ChannelStub : IAsyncDisposable
{
    private readonly WebApplication app;

    private ChannelStub(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Path, Activity Activity)> Received { get; } = new();

    public string Url => app.Urls.First();

    /// <summary>Completes when the first activity arrives, before the delay.</summary>
    public TaskCompletionSource FirstArrival { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ChannelStub> StartAsync(TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ChannelStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (HttpRequest request) =>
        {
            stub.FirstArrival.TrySetResult();
            if (delay is { } wait)
                await Task.Delay(wait, request.HttpContext.RequestAborted);
            using var reader = new StreamReader(request.Body);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
            stub.Received.Enqueue((request.Path.Value!, activity));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
