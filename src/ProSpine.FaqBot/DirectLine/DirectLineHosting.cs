using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Telemetry;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>Registers and maps the website chat's endpoints: <c>builder.AddDirectLine()</c>, then <c>app.MapDirectLine()</c>.</summary>
public static class DirectLineHosting
{
    /// <summary>The request headers Web Chat sends cross-origin; without <c>x-requested-with</c> its preflight fails.</summary>
    public static readonly IReadOnlyList<string> AllowedHeaders = ["authorization", "content-type", "x-ms-bot-agent", "x-requested-with"];

    /// <summary>How long a browser may reuse a preflight answer, so Web Chat's polling is not preceded by one each time.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<DirectLineOptions>(DirectLineOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ILiveConversations>(sp => sp.GetRequiredService<ConversationStore>());
        services.AddSingleton<DirectLineChannel>();
        services.AddHostedService<ConversationSweeper>();
        services.AddHttpClient<AzureDirectLineTokenClient>(http => http.Timeout = AzureDirectLineTokenClient.Timeout);

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders([.. AllowedHeaders])
                .SetPreflightMaxAge(PreflightMaxAge)));
        return builder;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!options.Enabled)
            return app;
        app.UseCors();
        // Pings every 30 s and a 30 s pong timeout: a vanished browser frees its stream slot within a minute.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
        app.MapDirectLineEndpoints(embedded: !options.UsesAzure);
        return app;
    }
}
