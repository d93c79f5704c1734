using System.Globalization;
using ProSpine.FaqBot.LoadTest.Churn;
using ProSpine.FaqBot.LoadTest.DirectLine;
using ProSpine.FaqBot.LoadTest.Messages;
using ProSpine.FaqBot.LoadTest.Servers;

namespace ProSpine.FaqBot.LoadTest;

/// <summary>Runs the parts the command names with the settings given, and reports whether all passed.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> parts, LoadTargets targets, MessagesSettings messages,
        DirectLineSettings directLine, ChurnSettings churn)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var context = new LoadContext(http, new ServerLauncher(http, targets.BotAssembly, targets.BotUrl), QuestionMix.Load(), Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ProSpine FAQ bot load, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, bot: {targets.BotUrl?.AbsoluteUri ?? Path.GetRelativePath(Environment.CurrentDirectory, targets.BotAssembly)}"));
        Console.WriteLine();

        var passed = true;
        foreach (var part in parts)
        {
            passed &= part switch
            {
                "messages" => await MessagesPart.RunAsync(context, messages, targets.EncoderUrl),
                "directline" => await DirectLinePart.RunAsync(context, directLine),
                _ => await ChurnPart.RunAsync(context, churn),
            };
        }
        Console.WriteLine(passed ? "ALL PASSED" : "FAILED");
        return passed ? 0 : 1;
    }
}
