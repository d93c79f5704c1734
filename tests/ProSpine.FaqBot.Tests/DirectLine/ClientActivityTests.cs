using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ProSpine.FaqBot.DirectLine;

namespace ProSpine.FaqBot.Tests.DirectLine;

public sealed class ClientActivityTests
{
    [Theory]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData("x")]
    public void Only_messages_and_typing_are_taken(string type)
    {
        var (taken, status, problem) = ClientActivity.Take(new Activity { Type = type, Value = "v" }, 4000);

        Assert.Null(taken);
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("message and typing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_keeps_its_text_sender_locale_and_the_echo_fields_and_loses_everything_else()
    {
        var posted = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "how long does the pump last",
            Locale = "en-US",
            From = new ChannelAccount("dl_123", "Visitor"),
            ChannelData = new JObject { ["clientActivityID"] = "abc", ["clientTimestamp"] = "2026-01-05T09:00:00Z", ["padding"] = new string('p', 5000) },
            Attachments = [new Attachment("text/plain", content: new string('a', 5000))],
            Entities = [new Entity("ClientCapabilities")],
            Value = new JObject { ["nested"] = new JObject { ["deep"] = "x" } },
        };

        var (taken, _, _) = ClientActivity.Take(posted, 4000);

        Assert.Equal("how long does the pump last", taken!.Text);
        Assert.Equal("en-US", taken.Locale);
        Assert.Equal("dl_123", taken.From.Id);
        Assert.Equal(["clientActivityID", "clientTimestamp"], ((JObject)taken.ChannelData).Properties().Select(p => p.Name));
        Assert.Null(taken.Attachments);
        Assert.Null(taken.Entities);
        Assert.Null(taken.Value);
    }

    [Fact]
    public void A_button_value_of_a_few_short_strings_is_kept_and_a_large_one_is_dropped()
    {
        var vote = new JObject { ["feedback"] = "helpful", ["entry"] = "lifespan", ["tag"] = "Zm9v" };
        var bloated = new JObject { ["feedback"] = "helpful", ["entry"] = new string('e', 10_000) };

        Assert.Equal(vote, ClientActivity.Take(new Activity { Type = ActivityTypes.Message, Value = vote }, 4000).Activity!.Value);
        Assert.Null(ClientActivity.Take(new Activity { Type = ActivityTypes.Message, Value = bloated }, 4000).Activity!.Value);
    }

    [Fact]
    public void Control_characters_are_removed_from_the_text_and_line_breaks_stay()
    {
        var text = "pump\u0001\u0002 hurts\nsince\ttoday\u007f\u0085";

        var (taken, _, _) = ClientActivity.Take(new Activity { Type = ActivityTypes.Message, Text = text }, 4000);

        Assert.Equal("pump hurts\nsince\ttoday", taken!.Text);
    }

    [Fact]
    public void A_text_over_the_limit_gets_413()
    {
        var (taken, status, problem) = ClientActivity.Take(new Activity { Type = ActivityTypes.Message, Text = new string('a', 4001) }, 4000);

        Assert.Null(taken);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Contains("4000 characters", problem, StringComparison.Ordinal);
    }
}
