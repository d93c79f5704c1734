using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// The bot in memory, with the repository as content root (appsettings.json, the widget's assets), the fixture FAQ
/// (<see cref="FixtureFaq"/>) unless the settings name another <c>Faq:Path</c>, its insights database in a temporary
/// folder (deleted on dispose), optional settings, an optional clock and optional replacements of services.
/// </summary>
public class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?>? settings;
    private readonly Action<IServiceCollection>? services;
    private readonly TimeProvider? time;
    private readonly TemporaryFolder data = new();

    public BotApplicationFactory()
    {
    }

    protected internal BotApplicationFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        this.settings = settings;
        this.time = time;
        this.services = services;
    }

    public string InsightsDatabase => data.File("insights.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseContentRoot(Repository.Root);
        // Tests of mechanics run on a made-up clinic, so the clinic's edits to faq/ never break them.
        foreach (var (key, value) in FixtureFaq.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Faq:WatchForChanges", "false");
        // Tests share one client address; the rate-limit tests switch the limits back on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("DirectLine:MaxConversationsPerClient", "10000");
        builder.UseSetting("Insights:DatabasePath", InsightsDatabase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        if (time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        if (services is not null)
            builder.ConfigureTestServices(services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            data.Dispose();
    }
}

/// <summary>Builds activities as a channel would and posts them the way the Bot Framework serialises them.</summary>
public static class Activities
{
    public static Activity Message(string text, string serviceUrl = "http://127.0.0.1:9", bool expectReplies = true, string channelId = "emulator") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N")[..8],
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        DeliveryMode = expectReplies ? DeliveryModes.ExpectReplies : null,
        Conversation = new ConversationAccount { Id = "conv-" + Guid.NewGuid().ToString("N")[..8] },
        From = new ChannelAccount("user-1", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        Text = text,
        Locale = "en-US",
    };

    public static Activity MembersAdded() => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N")[..8],
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:9",
        DeliveryMode = DeliveryModes.ExpectReplies,
        Conversation = new ConversationAccount { Id = "conv-" + Guid.NewGuid().ToString("N")[..8] },
        From = new ChannelAccount("user-1", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        MembersAdded = [new ChannelAccount("bot", "Bot"), new ChannelAccount("user-1", "Visitor")],
    };

    /// <summary>
    /// A message as Teams sends it: tenant in <c>channelData</c> and <c>conversation.tenantId</c>, and in group chats
    /// and channels the bot's @mention at the start of the text with its mention entity.
    /// </summary>
    public static Activity Teams(string text, string conversationType, string tenantId, string? channelId = Channels.Msteams)
    {
        var activity = Message(text, channelId: channelId ?? Channels.Msteams);
        activity.From = new ChannelAccount("29:staff-member", "Alex Staff", RoleTypes.User, aadObjectId: Guid.NewGuid().ToString());
        activity.Recipient = new ChannelAccount("28:" + TeamsBotId, TeamsBotName, RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(
            isGroup: conversationType != "personal", conversationType: conversationType, id: "a:conv-" + Guid.NewGuid().ToString("N")[..8], tenantId: tenantId);
        activity.ChannelData = new TeamsChannelData
        {
            Tenant = new TenantInfo(tenantId),
            Channel = conversationType == "channel" ? new ChannelInfo("19:clinic-channel@thread.tacv2", "General") : null,
        };
        if (conversationType != "personal")
        {
            var mention = new Mention(activity.Recipient, $"<at>{TeamsBotName}</at>", "mention");
            var entity = new Entity();
            entity.SetAs(mention);
            activity.Entities = [entity];
            activity.Text = $"<at>{TeamsBotName}</at> {text}";
        }
        return activity;
    }

    public const string TeamsBotName = "Pro Spine FAQ";
    public const string TeamsBotId = "3f2a7c1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";

    public static StringContent Json(object activity) =>
        new(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");

    public static async Task<IList<Activity>> PostExpectingRepliesAsync(HttpClient client, Activity activity)
    {
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Json(activity));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonConvert.DeserializeObject<ExpectedReplies>(body)!.Activities;
    }
}
