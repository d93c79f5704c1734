using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using ProSpine.FaqBot.Bot;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Bot;

public sealed class FaqBotTests
{
    private static FaqBot.Bot.FaqBot NewBot() => TestBots.Bot();

    [Fact]
    public async Task A_turn_answers_with_the_verbatim_text_and_its_citation()
    {
        await new TestFlow(new TestAdapter(), NewBot())
            .Send("what medications are used in the pump")
            .AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains(FixtureFaq.MedicationsAnswer, text, StringComparison.Ordinal);
                Assert.Contains($"Source: \"{FixtureFaq.PageTitle}\", {FixtureFaq.Clinic}, updated {FixtureFaq.PageUpdated}.", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_personal_question_is_handed_off_with_a_call_button()
    {
        await new TestFlow(new TestAdapter(), NewBot())
            .Send("can you change my dose")
            .AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Contains(FixtureFaq.Phone, message.Text, StringComparison.Ordinal);
                Assert.Contains(message.SuggestedActions.Actions, a => a.Type == ActionTypes.Call && (string)a.Value == "tel:" + FixtureFaq.PhoneToDial);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_turn_error_handler_apologises_without_exposing_the_exception()
    {
        var adapter = new FaqBotAdapter(BotFrameworkAuthenticationFactory.Create(), FixtureFaq.Provider(), NullLogger<FaqBotAdapter>.Instance);
        var channel = new TestAdapter();
        var context = new TurnContext(channel, MessageFactory.Text("hello") as Activity);
        context.Activity.Conversation = new ConversationAccount { Id = "c1" };
        var sent = new List<IActivity>();
        context.OnSendActivities(async (_, activities, next) => { sent.AddRange(activities); return await next(); });

        await adapter.OnTurnError(context, new InvalidOperationException("secret internals"));

        var apology = Assert.IsAssignableFrom<IMessageActivity>(Assert.Single(sent));
        Assert.Contains("Sorry", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", apology.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_turn_error_handler_never_throws_when_the_apology_fails_too()
    {
        var adapter = new FaqBotAdapter(BotFrameworkAuthenticationFactory.Create(), FixtureFaq.Provider(), NullLogger<FaqBotAdapter>.Instance);
        var context = new TurnContext(new TestAdapter(), MessageFactory.Text("hello") as Activity);
        context.OnSendActivities((_, _, _) => throw new HttpRequestException("channel down"));

        var failure = await Record.ExceptionAsync(() => adapter.OnTurnError(context, new InvalidOperationException("turn failed")));

        Assert.Null(failure);
    }
}
