using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProSpine.FaqBot.Bot;
using ProSpine.FaqBot.Core.Semantics;

namespace ProSpine.FaqBot.LoadTest.Servers;

/// <summary>
/// The ceiling the FAQ bot is measured against: the SDK's Bot Framework pipeline (ASP.NET Core minimal hosting,
/// <c>CloudAdapter</c> with <c>ConfigurationBotFrameworkAuthentication</c>, <c>POST /api/messages</c>) with a turn that
/// only echoes the text. With <see cref="WithoutSignIn"/> it uses the bot's <see cref="FaqBotAuthentication"/>
/// instead, which skips the SDK's per-turn sign-in client: the stricter ceiling. With <see cref="Encode"/> each turn
/// also encodes the message with the bot's sentence model, once, as the bot's turn does at the least: the raw encoder
/// behind the same pipeline, which the bot is measured against now that the model is the floor of every message. With
/// <see cref="PackageEncoder"/> as well it encodes through the package's own <c>SentenceEncoder.Encode</c> instead
/// (<see cref="PackageSentenceEncoder"/>): the raw encoder as #11 first measured it, slower than the bot's own inference.
/// Run as this program's <c>echo-server</c> command, in its own process like the bot, with the bot's log levels, so
/// that the difference between the two is the FAQ bot's own work.
/// </summary>
internal static class EchoServer
{
    public const string Command = "echo-server";
    public const string WithoutSignIn = "--no-sign-in-client";
    public const string Encode = "--encode";
    public const string PackageEncoder = "--package-encoder";

    /// <param name="hostArguments">The web host's own arguments, such as <c>--urls</c>.</param>
    public static async Task RunAsync(bool withoutSignIn, bool encode, bool packageEncoder, string[] hostArguments)
    {
        var builder = WebApplication.CreateBuilder(hostArguments);
        // The bot's appsettings.json levels: no per-request log lines from the framework.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Bot", LogLevel.Warning);
        builder.Services.AddHttpClient();
        if (withoutSignIn)
            builder.Services.AddSingleton<BotFrameworkAuthentication, FaqBotAuthentication>();
        else
            builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(), logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        // A factory: registered by type, CloudAdapter's two constructors are ambiguous to the container.
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
        if (encode)
        {
            // Loaded and warmed before the server listens, as the bot does before it says ready.
            builder.Services.AddSingleton(packageEncoder ? new PackageSentenceEncoder() : SentenceModel.Shared.Encoder);
            builder.Services.AddTransient<IBot, EncodingEchoBot>();
        }
        else
        {
            builder.Services.AddTransient<IBot, EchoBot>();
        }
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
        app.MapHealthChecks("/health/ready");
        await app.RunAsync();
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }

    private sealed class EncodingEchoBot(ISentenceEncoder encoder) : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var text = turnContext.Activity.Text ?? "";
            encoder.Encode([text]);
            return turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        }
    }
}
