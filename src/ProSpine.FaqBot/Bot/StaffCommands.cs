using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Staff;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The staff commands (<c>help</c>, <c>lookup</c>, <c>unanswered</c>, <c>feedback</c>): only on the Teams channel and
/// only for the Microsoft Entra tenants in <see cref="StaffOptions.TenantIds"/>. For anyone else the same words are an
/// ordinary question. The tenant comes from Teams' signed activity, not from anything a person types.
/// </summary>
public sealed class StaffCommands(
    IOptions<StaffOptions> staff, IOptions<InsightsOptions> insights, IInsightsStore store, TimeProvider time, ILogger<StaffCommands> logger)
{
    /// <summary>The sender's tenant: Teams puts it in <c>channelData.tenant.id</c> and in <c>conversation.tenantId</c>.</summary>
    public static string? TenantId(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromChannelData = activity.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Tenant?.Id : null;
        return fromChannelData ?? activity.Conversation?.TenantId;
    }

    public bool IsStaff(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId == Channels.Msteams && staff.Value.IsStaffTenant(TenantId(activity));
    }

    /// <summary>The Markdown reply to a staff command, or null when <paramref name="text"/> is not one for this sender.</summary>
    public async Task<string?> TryAnswerAsync(IActivity activity, string? text, Answerer answerer, CancellationToken cancellationToken)
    {
        if (!IsStaff(activity) || StaffCommand.Parse(text) is not { } command)
            return null;
        logger.LogInformation("Staff command {Command} on {ChannelId}", command.Kind, activity.ChannelId);
        var retention = insights.Value.RetentionDays;
        var reports = new StaffReports(answerer, retention);
        switch (command.Kind)
        {
            case StaffCommandKind.Help:
                return reports.Help();
            case StaffCommandKind.Lookup:
                return reports.Lookup(command.Question);
        }
        if (!insights.Value.Enabled)
            return reports.RecordingOff();
        if (command.PeriodDays(retention) is not { } days)
            return reports.BadDays();
        // "The last 7 days" is today and the 6 days before it.
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - days);
        return command.Kind == StaffCommandKind.Unanswered
            ? reports.Unanswered(InsightsReports.GroupUnanswered(await store.UnansweredSinceAsync(since, cancellationToken)), days)
            : reports.Feedback(InsightsReports.CountVotes(await store.VotesSinceAsync(since, cancellationToken)), days);
    }
}
