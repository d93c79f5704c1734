using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Bot;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Staff;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Telemetry;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// The FAQ bot for <c>TestFlow</c> turns, on the fixture FAQ (<see cref="FixtureFaq"/>), with its recorder and staff
/// commands wired as the host wires them.
/// </summary>
public static class TestBots
{
    public const string StaffTenant = "6a1c2f0e-4b7d-4e2a-9c3b-5d8e7f6a1b2c";

    /// <summary>A meter factory for bots built outside a host.</summary>
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>A recorder with recording off: for tests that are not about insights.</summary>
    public static InsightsRecorder RecorderOff() => Recorder(new NullStore(), new InsightsOptions { Enabled = false });

    public static InsightsRecorder Recorder(IInsightsStore store, InsightsOptions? options = null, TimeProvider? time = null, ILogger<InsightsRecorder>? log = null) =>
        new(store, Options.Create(options ?? new InsightsOptions()), time ?? TimeProvider.System, log ?? NullLogger<InsightsRecorder>.Instance);

    public static FaqBot.Bot.FaqBot Bot(InsightsRecorder? recorder = null, IInsightsStore? store = null, InsightsOptions? insights = null,
        FeedbackTags? tags = null)
    {
        var staff = new StaffOptions();
        staff.TenantIds.Add(StaffTenant);
        var commands = new StaffCommands(Options.Create(staff), Options.Create(insights ?? new InsightsOptions()), store ?? new NullStore(),
            new VerifiedChannel(botAppId: null), TimeProvider.System, NullLogger<StaffCommands>.Instance);
        return new FaqBot.Bot.FaqBot(FixtureFaq.Provider(), recorder ?? RecorderOff(), commands, tags ?? new FeedbackTags(),
            new BotMetrics(Meters), NullLogger<FaqBot.Bot.FaqBot>.Instance);
    }

    /// <summary>Keeps nothing.</summary>
    private sealed class NullStore : IInsightsStore
    {
        public Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<UnansweredQuestion>> UnansweredSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UnansweredQuestion>>([]);

        public Task<IReadOnlyList<FeedbackVote>> VotesSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FeedbackVote>>([]);

        public Task<int> PurgeBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
