using System.CommandLine;
using ProSpine.FaqBot.LoadTest.Churn;
using ProSpine.FaqBot.LoadTest.DirectLine;
using ProSpine.FaqBot.LoadTest.Messages;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest;

/// <summary>
/// The load tool's commands (<c>all</c>, the default, <c>messages</c>, <c>directline</c>, <c>churn</c> and
/// <c>echo-server</c>) and their options. Every load option is accepted by every load command, as <c>all</c> runs
/// every part; anything unknown is refused, so a typo never runs a different load than the one asked for.
/// </summary>
internal static class LoadCommandLine
{
    private static readonly string[] AllParts = ["messages", "directline", "churn"];

    public static RootCommand Create()
    {
        var url = AbsoluteUrl("--url", "A bot already running (messages, directline); default: start the built bot with Insights:Enabled=false. "
            + "The tool cannot see whether a running bot records: start it with Insights__Enabled=false, then add --allow-recording.");
        var allowRecording = new Option<bool>("--allow-recording")
        {
            Description = "Accept that the bot at --url may write the load's questions and votes into its insights store (the staff's reports).",
            Recursive = true,
        };
        var encoderUrl = AbsoluteUrl("--encoder-url", "messages: the raw-encoder server already running "
            + "(... -- echo-server --no-sign-in-client --encode --urls ...); default: start one.");
        var bot = new Option<FileInfo>("--bot") { Description = "The bot's dll; default: src/ProSpine.FaqBot/bin/<configuration>/net10.0/.", Recursive = true };
        var connections = Count("--connections", 32, 1, "messages: concurrent conversations.");
        var duration = Count("--duration", 30, 1, "messages: seconds per measured round.");
        var rounds = Count("--rounds", 2, 1, "messages: measured rounds per server.");
        var warmup = Count("--warmup", 5, 0, "messages: seconds of warm-up before the rounds.");
        var rate = Count("--rate", 100, 1, "messages: the paced round's offered messages per second.");
        var dlConversations = Count("--dl-conversations", 200, 1, "directline: concurrent conversations.");
        var dlMessages = Count("--dl-messages", 10, 1, "directline: messages per conversation.");
        var polling = new Option<int?>("--polling")
        {
            Description = "directline: poll every MS milliseconds (200 when no value is given) instead of using the WebSocket stream.",
            Arity = ArgumentArity.ZeroOrOne,
            Recursive = true,
        };
        AtLeast(polling, 1);
        var churn = Count("--churn", 10_000, 1, "churn: conversations started and abandoned.");
        // 60 s is the bot's smallest DirectLine:IdleTimeout.
        var idleTimeout = Count("--idle-timeout", 60, 60, "churn: the bot's DirectLine:IdleTimeout in seconds.");

        Task<int> Run(ParseResult parsed, string[] parts, CancellationToken _)
        {
            var targets = new LoadTargets(parsed.GetValue(url), parsed.GetValue(encoderUrl),
                parsed.GetValue(bot)?.FullName ?? ServerLauncher.DefaultBotAssembly());
            var messages = new MessagesSettings(parsed.GetValue(connections), TimeSpan.FromSeconds(parsed.GetValue(duration)),
                parsed.GetValue(rounds), TimeSpan.FromSeconds(parsed.GetValue(warmup)), RequestTimeout: TimeSpan.FromSeconds(10),
                OfferedRate: parsed.GetValue(rate));
            var pollInterval = parsed.GetResult(polling) is { Implicit: false }
                ? TimeSpan.FromMilliseconds(parsed.GetValue(polling) ?? 200)
                : (TimeSpan?)null;
            var directLine = new DirectLineSettings(parsed.GetValue(dlConversations), parsed.GetValue(dlMessages), pollInterval,
                ReplyTimeout: TimeSpan.FromSeconds(30));
            var churnSettings = new ChurnSettings(parsed.GetValue(churn), Concurrency: 16, TimeSpan.FromSeconds(parsed.GetValue(idleTimeout)));
            return LoadRun.RunAsync(parts, targets, messages, directLine, churnSettings);
        }

        var root = new RootCommand("Load over loopback HTTP: /api/messages against the raw encoder, Direct Line, churn. "
            + "Exit code 0 when every part met its targets, 1 when one did not, 2 for a wrong command line.")
        {
            url, allowRecording, encoderUrl, bot, connections, duration, rounds, warmup, rate, dlConversations, dlMessages, polling, churn, idleTimeout,
        };
        // A command's validators run only when it is the one invoked, so each load command gets this rule.
        void LoadsWith(Command command, string[] parts)
        {
            // The tool cannot see whether a running bot records, so loading one needs the caller's word for it.
            command.Validators.Add(result =>
            {
                if (result.GetValue(url) is { } botUrl && !result.GetValue(allowRecording))
                    result.AddError($"--url {botUrl}: a running bot records uncovered questions and feedback votes for the staff's reports unless it was started with Insights__Enabled=false. Start it so, then add --allow-recording.");
            });
            command.SetAction((parsed, cancel) => Run(parsed, parts, cancel));
        }

        LoadsWith(root, AllParts);
        var all = new Command("all", "Every part, in turn (the default).");
        LoadsWith(all, AllParts);
        root.Subcommands.Add(all);
        foreach (var part in AllParts)
        {
            var command = new Command(part, $"The {part} part only.");
            LoadsWith(command, [part]);
            root.Subcommands.Add(command);
        }
        root.Subcommands.Add(EchoServerCommand());
        return root;
    }

    /// <summary>The raw-encoder (or plain echo) server the messages part compares the bot with; its other arguments,
    /// such as <c>--urls</c>, are the web host's own.</summary>
    private static Command EchoServerCommand()
    {
        var withoutSignIn = new Option<bool>(EchoServer.WithoutSignIn) { Description = "Use the bot's no-sign-in authentication, as the bot does on loopback." };
        var encode = new Option<bool>(EchoServer.Encode) { Description = "Encode each message with the bot's sentence model, once." };
        var packageEncoder = new Option<bool>(EchoServer.PackageEncoder) { Description = "With --encode: encode through the package's own SentenceEncoder.Encode." };
        var command = new Command(EchoServer.Command, "An echo bot behind the same pipeline as the bot.") { withoutSignIn, encode, packageEncoder };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, _) =>
        {
            await EchoServer.RunAsync(parsed.GetValue(withoutSignIn), parsed.GetValue(encode), parsed.GetValue(packageEncoder), [.. parsed.UnmatchedTokens]);
            return 0;
        });
        return command;
    }

    private static Option<Uri> AbsoluteUrl(string name, string description) => new(name)
    {
        Description = description,
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
                return uri;
            result.AddError($"{name}: '{text}' is not an absolute URL.");
            return null;
        },
    };

    private static Option<int> Count(string name, int fallback, int min, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback, Recursive = true };
        AtLeast(option, min);
        return option;
    }

    private static void AtLeast<T>(Option<T> option, int min) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<T>() is int value && value < min)
            result.AddError($"{option.Name}: {value} is less than {min}.");
    });
}

/// <summary>Which bot and encoder servers to load: already running ones, or the built bot started by the tool.</summary>
internal sealed record LoadTargets(Uri? BotUrl, Uri? EncoderUrl, string BotAssembly);
