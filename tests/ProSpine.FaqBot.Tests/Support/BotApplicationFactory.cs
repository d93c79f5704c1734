using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>The bot in memory, with the repository as content root, optional settings and an optional clock.</summary>
public class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?>? settings;
    private readonly TimeProvider? time;

    public BotApplicationFactory()
    {
    }

    protected internal BotApplicationFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        this.settings = settings;
        this.time = time;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseContentRoot(Repository.Root);
        builder.UseSetting("Faq:WatchForChanges", "false");
        // Tests share one client address; the rate-limit tests switch the limits back on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(time));
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
