using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Hosting;

/// <summary>
/// What an operator does: <c>dotnet publish</c>, then start the output from a folder of its own. The output must
/// carry faq/ and appsettings.json, find them without the repository, and answer.
/// </summary>
public sealed class PublishTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "faqbot-publish-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_published_output_started_from_an_unrelated_folder_answers_over_http()
    {
        var output = Path.Combine(folder, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(Repository.Root, "src", "ProSpine.FaqBot"), "-c", "Release", "-o", output, "-v", "q"], Repository.Root, TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(File.Exists(Path.Combine(output, "faq", "sources.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "ProSpine.FaqBot.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RateLimiting__Enabled"] = "false";
        using var bot = Process.Start(start)!;
        var log = new StringBuilder();
        bot.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        bot.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilReadyAsync(http, bot, log);
            var activity = """
                {"type":"message","id":"1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9","deliveryMode":"expectReplies",
                 "conversation":{"id":"publish-test"},"from":{"id":"u1"},"recipient":{"id":"bot"},"text":"how long does a pain pump last"}
                """;
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var entry = Core.Faq.FaqLoader.Load(Repository.Faq).Find("lifespan")!;
            Assert.Contains(entry.Answer[0][..30], body, StringComparison.Ordinal);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Broken_faq_data_stops_start_up_with_file_and_line_and_no_stack_trace()
    {
        using var faq = Repository.CopyFaq();
        faq.Replace("messages.yaml", "notCovered:", "notCovered: [unclosed");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ProSpine.FaqBot.dll"), "--urls", $"http://127.0.0.1:{FreePort()}"])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Faq__Path"] = faq.Directory;
        using var bot = Process.Start(start)!;
        var stderr = bot.StandardError.ReadToEndAsync();
        var stdout = bot.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bot.WaitForExitAsync(cancel.Token);
        var errors = await stderr + await stdout;

        Assert.Equal(1, bot.ExitCode);
        Assert.Matches(@"faq/messages\.yaml:\d+: YAML syntax error", errors);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process bot, StringBuilder log)
    {
        // A first start encodes the curated texts for the sentence model: allow it a minute and a half.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(bot.HasExited, "the published bot exited: " + log);
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        Assert.Fail("the published bot was not ready in 90 s: " + log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
