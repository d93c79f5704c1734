using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>Records everything logged at any level: message, structured values, scopes and exceptions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var scope = new List<string>();
            provider.scopes.ForEachScope((s, list) => list.Add(s?.ToString() ?? ""), scope);
            provider.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {string.Join(" / ", scope)} | {exception}");
        }
    }
}

/// <summary>The bot with its configured logging (appsettings.json's levels) plus a provider that keeps every line.</summary>
public sealed class LoggedBot(CapturingLoggerProvider logs, IReadOnlyDictionary<string, string?> settings) : BotApplicationFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
    }
}
