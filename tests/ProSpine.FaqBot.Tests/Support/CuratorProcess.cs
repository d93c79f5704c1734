using System.Diagnostics;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>Runs <c>faq-curator</c> from its own build output, as a curator would, and collects what it printed.</summary>
public static class CuratorProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync((string Name, string Value)[] environment, params string[] arguments)
    {
        // The curator runs on the plain .NET runtime, with its own dependencies beside it, in this test run's configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var curator = Path.Combine(Repository.Root, "src", "ProSpine.FaqBot.Curator", "bin", configuration, "net10.0", "faq-curator.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(curator);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        // Both pipes are drained at once: reading one to the end first can deadlock when the other one fills.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
