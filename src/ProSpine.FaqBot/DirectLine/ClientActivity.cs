using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ProSpine.FaqBot.DirectLine;

/// <summary>
/// What the embedded endpoint takes from an activity a client posts: a message or a typing indicator, its text (at
/// most <see cref="DirectLineOptions.MaxTextLength"/> characters, control characters removed), its locale, the
/// sender's id and name, the value of a button the bot offered (a small object of short strings, such as a feedback
/// vote), and the two <c>channelData</c> fields Web Chat matches its echo with. Everything else (attachments,
/// entities, other values, the rest of <c>channelData</c>) is dropped, so what a conversation keeps is small whatever
/// a client sends.
/// </summary>
public static class ClientActivity
{
    /// <summary>The longest locale, sender name or <c>channelData</c> field kept.</summary>
    public const int MaxFieldLength = 64;

    /// <summary>The most properties a button's value may have.</summary>
    public const int MaxValueProperties = 4;

    /// <summary>The longest string in a button's value.</summary>
    public const int MaxValueStringLength = 128;

    // Web Chat reconciles its pending message with the echo through these, so they must come back.
    private static readonly string[] KeptChannelData = ["clientActivityID", "clientTimestamp"];

    /// <summary>The activity to run and keep, or why the posted one is refused.</summary>
    public static (Activity? Activity, int Status, string? Problem) Take(Activity posted, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (posted.Type is not (ActivityTypes.Message or ActivityTypes.Typing))
            return (null, StatusCodes.Status400BadRequest, "Only message and typing activities are accepted.");
        if (posted.Text?.Length > maxTextLength)
            return (null, StatusCodes.Status413PayloadTooLarge, $"A message may be at most {maxTextLength} characters.");
        var taken = new Activity
        {
            Type = posted.Type,
            From = new ChannelAccount(posted.From?.Id, Short(posted.From?.Name)),
            Locale = Short(posted.Locale),
        };
        if (posted.Type == ActivityTypes.Message)
        {
            taken.Text = WithoutControlCharacters(posted.Text);
            taken.TextFormat = posted.TextFormat is TextFormatTypes.Plain or TextFormatTypes.Markdown ? posted.TextFormat : null;
            taken.Value = ButtonValue(posted.Value);
            taken.ChannelData = EchoFields(posted.ChannelData);
        }
        return (taken, StatusCodes.Status200OK, null);
    }

    private static string? Short(string? text) =>
        string.IsNullOrEmpty(text) ? null : WithoutControlCharacters(text.Length <= MaxFieldLength ? text : text[..MaxFieldLength]);

    /// <summary>Keeps line breaks and tabs; other control characters carry nothing a person typed and cost six bytes each once escaped.</summary>
    private static string? WithoutControlCharacters(string? text)
    {
        if (text is null || !text.Any(IsDropped))
            return text;
        var kept = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !IsDropped(c)))
            kept.Append(c);
        return kept.ToString();
    }

    private static bool IsDropped(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    private static JObject? ButtonValue(object? value) =>
        value is JObject { Count: > 0 and <= MaxValueProperties } o
        && o.Properties().All(p => p.Value.Type == JTokenType.String && ((string)p.Value!).Length <= MaxValueStringLength && p.Name.Length <= MaxFieldLength)
            ? o
            : null;

    private static JObject? EchoFields(object? channelData)
    {
        if (channelData is not JObject data)
            return null;
        var kept = new JObject();
        foreach (var name in KeptChannelData)
        {
            if (data[name] is { Type: JTokenType.String } field && ((string)field!).Length <= MaxFieldLength)
                kept[name] = field;
        }
        return kept.Count > 0 ? kept : null;
    }
}
