using System.Diagnostics;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Configuration;

/// <summary>The tools read the bot's settings the way the bot does: appsettings.json, then environment variables.</summary>
public sealed class SettingsPathTests
{
    // Answered at 0.90 with the shipped thresholds (AnswerThreshold 0.6): a stricter threshold changes its route.
    private const string Question = "how long until the pump has to be swapped out";

    [Fact]
    public async Task The_curator_follows_an_environment_override_as_the_bot_does()
    {
        var strict = new Dictionary<string, string?> { ["Matching:AnswerThreshold"] = "0.95", ["Matching:SuggestThreshold"] = "0.94" };
        await using var bot = new BotApplicationFactory(strict);
        using var client = bot.CreateClient();
        var botReply = Assert.Single(await Activities.PostExpectingRepliesAsync(client, Activities.Message(Question)));

        var shipped = await CuratorRouteAsync(environment: []);
        var overridden = await CuratorRouteAsync(strict.Select(s => (s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!)).ToArray());

        Assert.Equal("Answer", shipped);
        Assert.NotEqual("Answer", overridden);
        // The bot with the same setting does not give the answer either.
        Assert.Equal(Core.Answering.Route.Answer, TestFaq.Answerer().Answer(Question).Route);
        Assert.NotEqual(TestFaq.Answerer().Answer(Question).Text, botReply.Text);
    }

    /// <summary>Runs <c>faq-curator ask</c> from the repository with <paramref name="environment"/> set; returns its route.</summary>
    private static async Task<string> CuratorRouteAsync((string Name, string Value)[] environment)
    {
        // The curator's own build output: it runs on the plain .NET runtime, with its own dependencies beside it.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var curator = Path.Combine(Repository.Root, "src", "ProSpine.FaqBot.Curator", "bin", configuration, "net10.0", "faq-curator.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(curator);
        start.ArgumentList.Add("ask");
        start.ArgumentList.Add(Question);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        var route = output.Split('\n').First(line => line.StartsWith("route:", StringComparison.Ordinal));
        return route["route:".Length..].Trim().Split(' ')[0];
    }
}
