using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>The bot with its configured logging (appsettings.json's levels) plus a fake logger that keeps every record.</summary>
public sealed class LoggedBot(FakeLogCollector logs, IReadOnlyDictionary<string, string?> settings) : BotApplicationFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
    }
}

/// <summary>A log record as one string, for checks that something never reaches any log.</summary>
public static class LogRecordText
{
    /// <summary>
    /// The level, category, message, structured values, scopes and exception (with its stack trace and inner
    /// exceptions) of <paramref name="record"/>. <see cref="FakeLogRecord"/> keeps these apart and its
    /// <c>ToString</c> gives only the time, level and message, while a real sink may write any of them.
    /// </summary>
    public static string AllText(this FakeLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // FakeLogger keeps structured state as name/value strings and any other state as its string.
        var values = record.State is IEnumerable<KeyValuePair<string, string?>> pairs ? Pairs(pairs) : record.State?.ToString();
        var scopes = record.Scopes.Select(scope => scope is IEnumerable<KeyValuePair<string, object?>> scopePairs
            ? $"{scope} {Pairs(scopePairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString())))}"
            : scope?.ToString());
        return $"{record.Level} {record.Category}: {record.Message} | {values} | {string.Join(" / ", scopes)} | {record.Exception}";
    }

    private static string Pairs(IEnumerable<KeyValuePair<string, string?>> pairs) => string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"));
}
