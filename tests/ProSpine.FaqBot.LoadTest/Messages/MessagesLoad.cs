using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProSpine.FaqBot.LoadTest.Reporting;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest.Messages;

/// <summary>How hard <see cref="MessagesLoad"/> drives a server.</summary>
/// <param name="Conversations">Concurrent conversations, each sending its next message as soon as the last is answered.</param>
/// <param name="Duration">How long one measured round lasts; messages in flight at its end are waited for and counted.</param>
/// <param name="Rounds">Measured rounds per server; the servers take turns, so drifting load elsewhere hits both alike.</param>
/// <param name="Warmup">How long each server is driven, unmeasured, before its first round (JIT, connection pool).</param>
/// <param name="RequestTimeout">A message unanswered for this long is an error.</param>
/// <param name="OfferedRate">Messages per second sent on a fixed schedule in the paced round, whatever the replies.</param>
internal sealed record MessagesSettings(int Conversations, TimeSpan Duration, int Rounds, TimeSpan Warmup, TimeSpan RequestTimeout, int OfferedRate);

/// <summary>
/// Load on <c>POST /api/messages</c> with <c>deliveryMode: expectReplies</c>, the way a channel that wants the replies
/// inline calls the bot: closed-loop (each conversation sends its next message once the last is answered: the
/// saturation rate) or paced (messages sent on a fixed schedule: the response time at a given load). A request is an
/// error when its status is not 2xx, when it fails or times out, or when its body does not hold exactly one message
/// activity. Every message's text is different (<see cref="QuestionMix.Unique"/>), so no cache can flatter a server.
/// </summary>
internal sealed class MessagesLoad(HttpClient http, QuestionMix questions, MessagesSettings settings)
{
    /// <summary>Never called: expectReplies keeps every reply in the response.</summary>
    private const string UnusedServiceUrl = "http://127.0.0.1:9/";

    /// <summary>Drives the server for the warm-up time; nothing is recorded.</summary>
    public Task WarmUpAsync(ServerProcess server) => DriveAsync(server, settings.Warmup, new ServerTally(server.Name));

    /// <summary>One measured round, added to <paramref name="tally"/>.</summary>
    public Task MeasureAsync(ServerProcess server, ServerTally tally) => DriveAsync(server, settings.Duration, tally);

    /// <summary>
    /// <see cref="MessagesSettings.OfferedRate"/> messages a second for <see cref="MessagesSettings.Duration"/>, each
    /// sent at its scheduled time whether or not earlier ones were answered. A response time runs from the scheduled
    /// time, so a server that falls behind is charged for the wait it causes, not only for the messages it serves.
    /// </summary>
    public async Task MeasurePacedAsync(ServerProcess server, ServerTally tally)
    {
        var endpoint = new Uri(server.Url, "api/messages");
        var interval = TimeSpan.FromSeconds(1.0 / settings.OfferedRate);
        var count = (long)(settings.Duration.TotalSeconds * settings.OfferedRate);
        var conversationId = $"paced-{Guid.NewGuid():N}";
        var cpuBefore = server.CpuTime();
        var start = Stopwatch.GetTimestamp();
        var sent = new List<Task>();
        for (long i = 0; i < count; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var scheduled = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            // One conversation per message: the paced load is many patients, each asking once.
            var body = Message($"{conversationId}-{i}", client: 0, i, questions.Unique(0, 1, i));
            sent.Add(Task.Run(async () =>
            {
                var failure = await PostAsync(endpoint, body);
                tally.Latencies.RecordSince(scheduled);
                if (failure is not null)
                    tally.Errors.Add(failure);
            }));
        }
        await Task.WhenAll(sent);
        tally.AddRound(Stopwatch.GetElapsedTime(start), server.CpuTime() - cpuBefore);
    }

    private async Task DriveAsync(ServerProcess server, TimeSpan duration, ServerTally tally)
    {
        var endpoint = new Uri(server.Url, "api/messages");
        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Conversations)
            .Select(client => Task.Run(() => ConverseAsync(endpoint, client, clock, duration, tally.Latencies, tally.Errors))));
        tally.AddRound(clock.Elapsed, server.CpuTime() - cpuBefore);
    }

    private async Task ConverseAsync(Uri endpoint, int client, Stopwatch clock, TimeSpan duration, Latencies latencies, ErrorTally errors)
    {
        var conversationId = $"load-{client}-{Guid.NewGuid():N}";
        for (long turn = 0; clock.Elapsed < duration; turn++)
        {
            var body = Message(conversationId, client, turn, questions.Unique(client, settings.Conversations, turn));
            var started = Stopwatch.GetTimestamp();
            var failure = await PostAsync(endpoint, body);
            latencies.RecordSince(started);
            if (failure is not null)
                errors.Add(failure);
        }
    }

    /// <summary>Null when the bot answered with exactly one reply; otherwise why not.</summary>
    private async Task<string?> PostAsync(Uri endpoint, string body)
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(endpoint, content, timeout.Token);
            var json = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
                return $"HTTP {(int)response.StatusCode}";
            var replies = MessageReplies(json);
            return replies == 1 ? null : replies < 0 ? "not an ExpectedReplies body" : $"{replies} replies";
        }
        catch (OperationCanceledException)
        {
            return "timeout";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }

    /// <summary>The message activities in an <c>{"activities":[...]}</c> body; -1 when it is not one.</summary>
    private static int MessageReplies(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array
                ? activities.EnumerateArray().Count(a => a.TryGetProperty("type", out var type) && type.ValueEquals("message"))
                : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static string Message(string conversationId, int client, long turn, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = turn.ToString(CultureInfo.InvariantCulture),
        ["channelId"] = "emulator",
        ["serviceUrl"] = UnusedServiceUrl,
        ["deliveryMode"] = "expectReplies",
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["from"] = new JsonObject { ["id"] = $"load-user-{client}", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
        ["text"] = text,
        ["locale"] = "en-US",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    }.ToJsonString();
}
