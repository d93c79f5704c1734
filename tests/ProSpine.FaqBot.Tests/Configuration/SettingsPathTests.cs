using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProSpine.FaqBot.Core.Answering;
using ProSpine.FaqBot.Core.Configuration;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Configuration;

/// <summary>The tools read the bot's settings the way the bot does: appsettings.json, then environment variables.</summary>
public sealed class SettingsPathTests
{
    // Answered in the fixture FAQ at 0.78 by words, 0.86 by meaning, with the shipped thresholds (AnswerThreshold 0.6,
    // MeaningAlone 0.78): stricter thresholds for both, and no entries' regression, change its route.
    private const string Question = "how long until the pump has to be swapped out";

    [Fact]
    public async Task The_curator_follows_an_environment_override_as_the_bot_does()
    {
        var strict = new Dictionary<string, string?> { ["Matching:AnswerThreshold"] = "0.95", ["Matching:SuggestThreshold"] = "0.94", ["Matching:MeaningAlone"] = "0.95",
            ["Matching:RegressionMinimumUncovered"] = "1000000" };
        await using var bot = new BotApplicationFactory(strict);
        using var client = bot.CreateClient();
        var botReply = Assert.Single(await Activities.PostExpectingRepliesAsync(client, Activities.Message(Question)));

        var shipped = await CuratorRouteAsync(environment: []);
        var overridden = await CuratorRouteAsync(strict.Select(s => (s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!)).ToArray());

        Assert.Equal("Answer", shipped);
        Assert.NotEqual("Answer", overridden);
        // The bot with the same setting does not give the answer either.
        Assert.Equal(Core.Answering.Route.Answer, FixtureFaq.Answerer().Answer(Question).Route);
        Assert.NotEqual(FixtureFaq.Answerer().Answer(Question).Text, botReply.Text);
    }

    [Fact]
    public async Task The_curator_refuses_an_out_of_range_override_with_the_settings_name()
    {
        var (exitCode, _, errors) = await CuratorProcess.RunAsync([("Matching__AnswerThreshold", "7")], "ask", Question);

        Assert.Equal(2, exitCode);
        Assert.Contains("AnswerThreshold", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tools_host_validates_settings_as_the_bot_does()
    {
        using var host = FaqToolHost.Build(new Dictionary<string, string?> { ["Danger:ConfidentProbability"] = "1.5" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<AnswererFactory>().Create(FixtureFaq.Answerer().Content));
        Assert.Contains("ConfidentProbability", string.Join(" ", failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_curator_keeps_the_curated_texts_vectors_where_the_settings_say()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("vectors.bin");

        var (exitCode, _, errors) = await CuratorProcess.RunAsync([("Danger__VectorCacheFile", file)], "validate");

        Assert.True(exitCode == 0, errors);
        Assert.True(new FileInfo(file).Length > 100_000, "the vectors of the curated texts were not written");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ask")]
    [InlineData("eval")]
    public async Task The_curator_answers_a_wrong_command_line_with_exit_code_2_and_a_reason(string command)
    {
        var (exitCode, output, errors) = await CuratorProcess.RunAsync([], command);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.NotEmpty(errors.Trim());
    }

    /// <summary>
    /// Runs <c>faq-curator ask</c> from the repository on the fixture FAQ, the bot's here, with
    /// <paramref name="environment"/> set; returns its route.
    /// </summary>
    private static async Task<string> CuratorRouteAsync((string Name, string Value)[] environment)
    {
        var (exitCode, output, errors) = await CuratorProcess.RunAsync(environment, "ask", "--faq", FixtureFaq.Directory, Question);
        Assert.True(exitCode == 0, errors);
        var route = output.Split('\n').First(line => line.StartsWith("route:", StringComparison.Ordinal));
        return route["route:".Length..].Trim().Split(' ')[0];
    }
}
