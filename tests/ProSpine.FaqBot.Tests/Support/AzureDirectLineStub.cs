using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// Azure Direct Line's token API (<c>POST /v3/directline/tokens/generate</c>) on a loopback port: it records the
/// Authorization header of each call and answers with a fixed token, or with <see cref="Status"/> when that is not 200.
/// </summary>
public sealed class AzureDirectLineStub : IAsyncDisposable
{
    public const string IssuedToken = "azure-issued-token";
    public const string IssuedConversationId = "azure-conversation-1";

    private readonly WebApplication app;

    private AzureDirectLineStub(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Path, string Authorization)> Received { get; } = new();

    public int Status { get; set; } = StatusCodes.Status200OK;

    public string Url => app.Urls.First();

    public static async Task<AzureDirectLineStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new AzureDirectLineStub(app);
        app.MapPost("/v3/directline/tokens/generate", (HttpRequest request) =>
        {
            stub.Received.Enqueue((request.Path.Value!, request.Headers.Authorization.ToString()));
            return stub.Status == StatusCodes.Status200OK
                ? Results.Text($$"""{"conversationId":"{{IssuedConversationId}}","token":"{{IssuedToken}}","expires_in":3600}""", "application/json")
                : Results.StatusCode(stub.Status);
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
