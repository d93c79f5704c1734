using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Bot;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Content;
using ProSpine.FaqBot.DirectLine;
using ProSpine.FaqBot.Edge;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Telemetry;
using ProSpine.FaqBot.Widget;

namespace ProSpine.FaqBot.Hosting;

/// <summary>Registers and maps the bot: <c>builder.AddFaqBot()</c>, then <c>app.MapFaqBot()</c>.</summary>
public static class FaqBotHosting
{
    public static WebApplicationBuilder AddFaqBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<FaqOptions>(FaqOptions.Section);
        services.AddValidatedOptions<MessagesOptions>(MessagesOptions.Section);
        // Every HttpClient the SDK makes comes from this factory: replies to channels, tokens, OpenID metadata.
        services.ConfigureHttpClientDefaults(client => client.ConfigureHttpClient((sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<MessagesOptions>>().Value.OutboundTimeout));

        // The settings, sentence model and answerer recipe the tools share. The model reads every message for danger;
        // it is loaded (and warmed) with the FAQ at start-up, and a model that cannot load stops start-up: the bot
        // never runs with half its safety.
        services.AddFaqAnswering();
        services.AddSingleton<FaqProvider>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<FaqReloader>();

        // MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId sit at the top level of
        // configuration, where the SDK reads them; a blank MicrosoftAppId is the Bot Framework Emulator's
        // no-authentication mode. The adapter needs the app id too, for the turns of the channel it hosts itself.
        services.AddOptions<BotIdentityOptions>().Configure<IConfiguration>((identity, configuration) => configuration.Bind(identity))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BotFrameworkAuthentication, FaqBotAuthentication>();
        services.AddSingleton<RejectionLog>();
        services.AddSingleton(sp => new VerifiedChannel(sp.GetRequiredService<IOptions<BotIdentityOptions>>().Value.MicrosoftAppId));
        services.AddSingleton(sp => new FaqBotAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<FaqProvider>(), sp.GetRequiredService<ILogger<FaqBotAdapter>>(),
            sp.GetRequiredService<IOptions<BotIdentityOptions>>().Value.MicrosoftAppId));
        services.AddSingleton<IHostedChannelTurns>(sp => sp.GetRequiredService<FaqBotAdapter>());
        services.AddSingleton<FeedbackTags>();
        services.AddSingleton<StaffCommands>();
        services.AddHealthChecks().AddCheck<FaqHealthCheck>("faq", tags: ["ready"]);
        services.AddTransient<IBot, Bot.FaqBot>();
        builder.AddStaffInsights();
        builder.AddDirectLine();
        builder.AddWidget();
        builder.AddEdgeProtection();
        builder.AddBotTelemetry();
        return builder;
    }

    public static WebApplication MapFaqBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Resolve the FAQ now: broken FAQ data must stop start-up, not the first patient's question.
        app.Services.GetRequiredService<FaqProvider>();
        app.UseEdgeProtection();
        // Limited before the token is checked, so a flood of forged tokens costs no signature checks past the burst.
        // Authenticated channels (Azure Bot Service) arrive from a few addresses, hence their own, larger allowance.
        var authenticated = app.Services.GetRequiredService<VerifiedChannel>().AuthenticationEnabled;
        app.MapPost(MessagesEndpoint.Path, MessagesEndpoint.HandleAsync)
            .RequireRateLimiting(authenticated ? RateLimitingOptions.ChannelPolicy : RateLimitingOptions.PublicPolicy);
        app.MapDirectLine();
        app.MapWidget();
        return app;
    }
}
