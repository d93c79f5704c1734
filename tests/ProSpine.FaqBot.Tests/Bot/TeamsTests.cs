using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.Core.Insights;
using ProSpine.FaqBot.Insights;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Bot;

/// <summary>
/// The bot as Teams talks to it: activities posted to <c>/api/messages</c> the way Teams serialises them (tenant in
/// <c>channelData</c>, the bot's @mention in group chats and channels), for a clinic tenant listed in
/// <c>Staff:TenantIds</c> and for another organisation's tenant.
/// </summary>
public sealed class TeamsTests : IClassFixture<TeamsTests.StaffHost>
{
    private const string OtherTenant = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    private static readonly string[] TeamsCardActions = [ActionTypes.ImBack, ActionTypes.MessageBack, ActionTypes.OpenUrl];

    private readonly StaffHost host;

    public TeamsTests(StaffHost host) => this.host = host;

    /// <summary>
    /// The bot with authentication on (a test token stands in for Teams' signed token), the clinic's tenant listed as
    /// staff, and a store that signals each write.
    /// </summary>
    public sealed class StaffHost : IDisposable
    {
        public StaffHost()
        {
            var settings = TeamsTokenAuthentication.Settings();
            settings["Staff:TenantIds:0"] = TestBots.StaffTenant;
            Factory = new BotApplicationFactory(settings, services: services =>
            {
                services.AddSingleton<IInsightsStore>(_ => Store!);
                services.AddSingleton<BotFrameworkAuthentication, TeamsTokenAuthentication>();
            });
            Store = new SignallingStore(new SqliteInsightsStore(Factory.InsightsDatabase));
        }

        public BotApplicationFactory Factory { get; }

        public SignallingStore Store { get; }

        public void Dispose() => Factory.Dispose();
    }

    private async Task<Activity> AskAsync(Activity activity, StaffHost? on = null)
    {
        using var client = (on ?? host).Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TeamsTokenAuthentication.Token);
        return Assert.Single(await Activities.PostExpectingRepliesAsync(client, activity));
    }

    private static HeroCard CardOf(Activity reply)
    {
        Assert.Null(reply.SuggestedActions);
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        var card = ((JObject)attachment.Content).ToObject<HeroCard>()!;
        Assert.All(card.Buttons, b => Assert.Contains(b.Type, TeamsCardActions));
        return card;
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Each_kind_of_Teams_conversation_gets_the_verbatim_answer_with_card_buttons(string conversationType)
    {
        var reply = await AskAsync(Activities.Teams("How long does an intrathecal pump last?", conversationType, OtherTenant));

        Assert.StartsWith(FixtureFaq.LifespanAnswer, reply.Text, StringComparison.Ordinal);
        Assert.Contains($"Source: \"{FixtureFaq.PageTitle}\"", reply.Text, StringComparison.Ordinal);
        var card = CardOf(reply);
        Assert.Contains(card.Buttons, b => b.Type == ActionTypes.ImBack);
        var helpful = JObject.FromObject(Assert.Single(card.Buttons, b => b.Type == ActionTypes.MessageBack && b.Title == "Helpful").Value);
        Assert.Equal(("helpful", FixtureFaq.Lifespan), ((string?)helpful["feedback"], (string?)helpful["entry"]));
        Assert.Equal(JTokenType.String, helpful["tag"]?.Type);
    }

    [Fact]
    public async Task The_mention_is_stripped_so_a_mentioned_question_routes_like_a_plain_one()
    {
        var mentioned = Activities.Teams("what medications are used in the pump", "channel", OtherTenant);
        Assert.StartsWith("<at>", mentioned.Text, StringComparison.Ordinal);

        var reply = await AskAsync(mentioned);

        Assert.Contains(FixtureFaq.MedicationsAnswer, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_channel_the_call_is_an_openUrl_tel_button_and_no_reply_uses_suggested_actions()
    {
        var reply = await AskAsync(Activities.Teams("my pump is beeping", "channel", OtherTenant));

        Assert.Contains(FixtureFaq.Phone, reply.Text, StringComparison.Ordinal);
        var call = Assert.Single(CardOf(reply).Buttons);
        Assert.Equal((ActionTypes.OpenUrl, "tel:" + FixtureFaq.PhoneToDial), (call.Type, (string)call.Value));
    }

    [Fact]
    public async Task Did_you_mean_choices_are_card_buttons_in_a_channel()
    {
        // A word every entry of the fixture FAQ uses: it cannot tell which one is meant.
        var reply = await AskAsync(Activities.Teams("pump", "channel", OtherTenant));

        var buttons = CardOf(reply).Buttons;
        Assert.True(buttons.Count >= 2);
        Assert.All(buttons, b => Assert.Equal(ActionTypes.ImBack, b.Type));
        Assert.Equal("None of these", buttons[^1].Title);
    }

    [Fact]
    public async Task A_feedback_button_pressed_in_Teams_is_thanked()
    {
        var vote = Activities.Teams("", "channel", OtherTenant);
        vote.Text = null;
        vote.Value = new JObject { ["feedback"] = "notHelpful", ["entry"] = FixtureFaq.Lifespan };

        var reply = await AskAsync(vote);

        Assert.Contains("Thank you for telling us", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_welcomes_once_when_the_bot_joins_and_not_each_person_who_joins_later()
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TeamsTokenAuthentication.Token);
        var botAdded = Activities.Teams("", "channel", OtherTenant);
        botAdded.Type = ActivityTypes.ConversationUpdate;
        botAdded.Text = null;
        botAdded.MembersAdded = [new ChannelAccount(botAdded.Recipient.Id)];
        var personJoined = Activities.Teams("", "channel", OtherTenant);
        personJoined.Type = ActivityTypes.ConversationUpdate;
        personJoined.Text = null;
        personJoined.MembersAdded = [new ChannelAccount("29:new-colleague"), new ChannelAccount("29:another")];

        var welcome = Assert.Single(await Activities.PostExpectingRepliesAsync(client, botAdded));
        var none = await Activities.PostExpectingRepliesAsync(client, personJoined);

        Assert.Contains("automated", welcome.Text, StringComparison.Ordinal);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("channel")]
    public async Task A_listed_tenant_gets_the_staff_help(string conversationType)
    {
        var reply = await AskAsync(Activities.Teams("help", conversationType, TestBots.StaffTenant));

        Assert.Contains("**Staff commands**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("`unanswered [days]`", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_tenant_can_look_up_the_exact_wording_with_entry_and_score()
    {
        var reply = await AskAsync(Activities.Teams("lookup how long does the pump last", "channel", TestBots.StaffTenant));

        Assert.Contains($"**Entry:** `{FixtureFaq.Lifespan}`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Runners-up:** `", reply.Text, StringComparison.Ordinal);
        Assert.Contains(FixtureFaq.LifespanAnswer, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.SuggestedActions);
        Assert.Empty(reply.Attachments ?? []);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("lookup how long does the pump last")]
    [InlineData("unanswered")]
    [InlineData("feedback 7")]
    public async Task The_same_words_from_an_unlisted_tenant_are_ordinary_questions(string text)
    {
        var reply = await AskAsync(Activities.Teams(text, "personal", OtherTenant));

        // What any message gets (an answer also carries its source below the text), never a staff reply.
        Assert.StartsWith(FixtureFaq.Answerer().Answer(text).Text, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**Entry:**", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_words_on_Web_Chat_are_ordinary_questions_even_with_a_listed_tenant()
    {
        var webChat = Activities.Teams("unanswered", "personal", TestBots.StaffTenant, channelId: Channels.Webchat);

        var reply = await AskAsync(webChat);

        Assert.Equal(FixtureFaq.Answerer().Answer("unanswered").Text, reply.Text);
        Assert.NotNull(reply.SuggestedActions);
    }

    [Fact]
    public async Task Staff_see_what_patients_asked_redacted_and_grouped_and_the_votes_they_gave()
    {
        // A host of its own: the shared one's store also signals the other tests' writes.
        using var own = new StaffHost();
        await AskAsync(Activities.Teams("can a dog sense the pump? call 414-555-0199", "personal", OtherTenant), own);
        await AskAsync(Activities.Message("Can a dog sense the pump?? Call (262) 555-0100", channelId: Channels.Webchat), own);
        await AskAsync(Activities.Message("is the pump magnetic? write to jane.doe@example.com", channelId: Channels.Webchat), own);
        // A vote counts only on an answer the conversation received: the "Not helpful" button of one.
        var asked = Activities.Message("what are the side effects of the pump", channelId: Channels.Webchat);
        var answer = await AskAsync(asked, own);
        var vote = Activities.Message("", channelId: Channels.Webchat);
        vote.Conversation = asked.Conversation;
        vote.Value = answer.SuggestedActions.Actions.Single(a => a.Title == "Not helpful").Value;
        await AskAsync(vote, own);
        await own.Store.WaitForWritesAsync(4);

        var unanswered = await AskAsync(Activities.Teams("unanswered 1", "channel", TestBots.StaffTenant), own);
        var feedback = await AskAsync(Activities.Teams("feedback", "personal", TestBots.StaffTenant), own);

        Assert.Matches(@"- 2 × `can a dog sense the pump\?+ call \[number\]` \(nearest entry: `[a-z-]+` \d\.\d{3}\)", unanswered.Text);
        Assert.Contains("- 1 × `is the pump magnetic? write to [email]`", unanswered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("555", unanswered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", unanswered.Text, StringComparison.Ordinal);
        Assert.Contains($"`{FixtureFaq.SideEffects}`", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("0 helpful, 1 not helpful", feedback.Text, StringComparison.Ordinal);
    }
}
