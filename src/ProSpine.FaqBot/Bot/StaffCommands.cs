using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Core.Staff;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The staff commands (<c>help</c>, <c>lookup</c>, <c>unanswered</c>, <c>feedback</c>): only on the Teams channel, only
/// for a turn whose channel token was verified (never in the no-authentication mode, where anyone can claim to be
/// Teams), and only for the staff <see cref="StaffOptions"/> lists (tenant, then optionally users or teams). For
/// anyone else the same words are an ordinary question. Tenant, user and team come from Teams' signed activity, not
/// from anything a person types.
/// </summary>
public sealed class StaffCommands(
    IOptions<StaffOptions> staff, IOptions<InsightsOptions> insights, IInsightsStore store, VerifiedChannel channel, TimeProvider time,
    ILogger<StaffCommands> logger)
{
    /// <summary>The sender's tenant: Teams puts it in <c>channelData.tenant.id</c> and in <c>conversation.tenantId</c>.</summary>
    public static string? TenantId(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromChannelData = activity.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Tenant?.Id : null;
        return fromChannelData ?? activity.Conversation?.TenantId;
    }

    /// <summary>Whether this turn's sender is staff.</summary>
    public bool IsStaff(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.ChannelId != Channels.Msteams || !channel.IsVerified(turnContext))
            return false;
        var team = activity.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Team?.Id : null;
        return staff.Value.IsStaff(TenantId(activity), activity.From?.AadObjectId, team);
    }

    /// <summary>The Markdown reply to a staff command, or null when <paramref name="text"/> is not one for this sender.</summary>
    public async Task<string?> TryAnswerAsync(ITurnContext turnContext, string? text, Answerer answerer, CancellationToken cancellationToken)
    {
        if (!IsStaff(turnContext) || StaffCommand.Parse(text) is not { } command)
            return null;
        logger.LogInformation("Staff command {Command} on {ChannelId}", command.Kind, LogField.Of(turnContext.Activity.ChannelId));
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
            ? reports.Unanswered(new UnansweredByMeaning(answerer.Danger.Embeddings.Encoder, answerer.Meaning)
                .Group(InsightsReports.GroupUnanswered(await store.UnansweredSinceAsync(since, cancellationToken))), days)
            : reports.Feedback(InsightsReports.CountVotes(await store.VotesSinceAsync(since, cancellationToken)), days);
    }
}
