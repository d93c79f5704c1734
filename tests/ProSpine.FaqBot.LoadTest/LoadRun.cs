using System.Globalization;
using ProSpine.FaqBot.LoadTest.Churn;
using ProSpine.FaqBot.LoadTest.DirectLine;
using ProSpine.FaqBot.LoadTest.Messages;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest;

/// <summary>Runs the parts the command names with the options given, and reports whether all passed.</summary>
internal static class LoadRun
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/ProSpine.FaqBot.LoadTest -- [all|messages|directline|churn] [options]
               ... -- echo-server --urls http://127.0.0.1:PORT
          --url URL               a bot already running (messages, directline); default: start the built bot,
                                  with Insights:Enabled=false. The tool cannot see whether a running bot records:
                                  start it with Insights__Enabled=false, then add --allow-recording to go on
          --allow-recording       accept that the bot at --url may write the load's questions and votes into its
                                  insights store (the staff's reports); refused without it
          --encoder-url URL       messages: the raw-encoder server already running (... -- echo-server
                                  --no-sign-in-client --encode --urls ...); default: start one
          --bot PATH              the bot's dll; default: src/ProSpine.FaqBot/bin/<configuration>/net10.0/
          --connections 32        messages: concurrent conversations
          --duration 30           messages: seconds per measured round, --rounds 2 per server (after --warmup 5)
          --rate 100              messages: the paced round's offered messages per second
          --dl-conversations 200  directline: concurrent conversations
          --dl-messages 10        directline: messages per conversation
          --polling [MS]          directline: poll (every 200 ms by default) instead of the WebSocket stream
          --churn 10000           churn: conversations started and abandoned
          --idle-timeout 60       churn: the bot's DirectLine:IdleTimeout in seconds (60 is its minimum)
        """;

    public static async Task<int> RunAsync(CommandLine command)
    {
        var parts = command.Command switch
        {
            "all" => new[] { "messages", "directline", "churn" },
            "messages" or "directline" or "churn" => [command.Command],
            _ => throw new ArgumentException($"Unknown command '{command.Command}'."),
        };
        var botUrl = command.Url("url");
        if (botUrl is not null && !command.Switch("allow-recording"))
            throw new ArgumentException($"--url {botUrl}: a running bot records uncovered questions and feedback votes for the staff's reports unless it was started with Insights__Enabled=false. Start it so, then add --allow-recording.");
        var encoderUrl = command.Url("encoder-url");
        var botAssembly = command.Text("bot") ?? ServerLauncher.DefaultBotAssembly();
        var messages = new MessagesSettings(command.Int("connections", 32), command.Seconds("duration", TimeSpan.FromSeconds(30)),
            command.Int("rounds", 2), command.Seconds("warmup", TimeSpan.FromSeconds(5), min: 0), RequestTimeout: TimeSpan.FromSeconds(10),
            OfferedRate: command.Int("rate", 100));
        var directLine = new DirectLineSettings(command.Int("dl-conversations", 200), command.Int("dl-messages", 10),
            PollInterval(command), ReplyTimeout: TimeSpan.FromSeconds(30));
        var churn = new ChurnSettings(command.Int("churn", 10_000), Concurrency: 16, command.Seconds("idle-timeout", TimeSpan.FromMinutes(1), min: 60));
        command.RefuseUnknown();

        using var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var context = new LoadContext(http, new ServerLauncher(http, botAssembly, botUrl), QuestionMix.Load(), Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ProSpine FAQ bot load, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, bot: {botUrl?.AbsoluteUri ?? Path.GetRelativePath(Environment.CurrentDirectory, botAssembly)}"));
        Console.WriteLine();

        var passed = true;
        foreach (var part in parts)
        {
            passed &= part switch
            {
                "messages" => await MessagesPart.RunAsync(context, messages, encoderUrl),
                "directline" => await DirectLinePart.RunAsync(context, directLine),
                _ => await ChurnPart.RunAsync(context, churn),
            };
        }
        Console.WriteLine(passed ? "ALL PASSED" : "FAILED");
        return passed ? 0 : 1;
    }

    private static TimeSpan? PollInterval(CommandLine command)
    {
        if (command.Switch("polling"))
            return TimeSpan.FromMilliseconds(200);
        return command.Text("polling") is null ? null : TimeSpan.FromMilliseconds(command.Int("polling", 200));
    }
}
