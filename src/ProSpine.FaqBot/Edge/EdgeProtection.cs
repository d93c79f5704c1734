using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Configuration;

namespace ProSpine.FaqBot.Edge;

/// <summary>
/// What stands between the public internet and the bot: trusted-proxy forwarded headers, per-client rate limits on
/// the public endpoints (429 with <c>Retry-After</c>), and the health endpoints <c>/health/live</c> and
/// <c>/health/ready</c>.
/// </summary>
public static class EdgeProtection
{
    public static WebApplicationBuilder AddEdgeProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<RateLimitingOptions>(RateLimitingOptions.Section);
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ReverseProxy:KnownProxies must be IP addresses.")
            .Validate(o => o.PublicOrigin is null || (o.PublicOrigin.IsAbsoluteUri && o.PublicOrigin.Scheme is "https" or "http" && o.PublicOrigin.AbsolutePath == "/"),
                "ReverseProxy:PublicOrigin must be an origin such as https://chat.example.org (no path).");

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitingOptions.PublicPolicy, context => PerClient(context, l => (l.BurstLimit, l.RequestsPerMinute)));
            limiter.AddPolicy(RateLimitingOptions.ChannelPolicy, context => PerClient(context, l => (l.ChannelBurstLimit, l.ChannelRequestsPerMinute)));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "Please wait a moment before sending more.").ExecuteAsync(context.HttpContext);
            };
        });

        // The server's name and version tell an attacker which advisories to try; nobody else needs them.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitingOptions, (int Burst, int PerMinute)> allowance)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var client = context.Connection.RemoteIpAddress;
        var fromThisMachine = client is not null && IPAddress.IsLoopback(client);
        if (!limits.Enabled || (fromThisMachine && (limits.ExemptLoopback || (limits.ExemptLocalTools && !IsRelayed(context.Request)))))
            return RateLimitPartition.GetNoLimiter("unlimited");
        var (burst, perMinute) = allowance(limits);
        return RateLimitPartition.GetTokenBucketLimiter(client?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = Math.Max(1, perMinute / 6),
            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
            QueueLimit = 0,
        });
    }

    private static bool IsRelayed(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("X-Original-For") || request.Headers.ContainsKey("Forwarded");

    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>()?.KnownProxies ?? [];
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            // Only the configured proxies: the defaults would also trust loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        // Over https only (directly, or from a trusted proxy's X-Forwarded-Proto); never for localhost.
        app.UseHsts();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
