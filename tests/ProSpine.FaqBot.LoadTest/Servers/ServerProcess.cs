using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ProSpine.FaqBot.LoadTest.Servers;

/// <summary>
/// A server under load: either a child process this tool started (<c>dotnet some.dll</c> on a free loopback port,
/// killed on dispose) or a server already running at a URL. A child's output is drained as it comes (a full pipe
/// would stall the server's logging and so the server); its last lines are kept for error messages, and
/// <see cref="WaitForOutputAsync"/> waits for a log line.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process? process;
    private readonly Queue<string> lastLines = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Seen)> watchers = [];
    private readonly Lock gate = new();

    private ServerProcess(string name, Uri url, Process? process)
    {
        Name = name;
        Url = url;
        this.process = process;
    }

    public string Name { get; }

    /// <summary>The server's base URL, ending with a slash.</summary>
    public Uri Url { get; }

    /// <summary>The child's process id; null for a server this tool did not start.</summary>
    public int? ProcessId => process?.Id;

    /// <summary>From starting the process to the first 200 of <c>/health/ready</c>; null for a server this tool did not start.</summary>
    public TimeSpan? ReadyAfter { get; private set; }

    /// <summary>A server already running at <paramref name="url"/>: nothing is started or stopped.</summary>
    public static ServerProcess External(string name, Uri url) => new(name, WithSlash(url), process: null);

    /// <summary>
    /// Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/></c> listening on a free loopback port
    /// (<c>Urls</c>), with <paramref name="environment"/> added, and returns once <c>GET /health/ready</c> answers 200.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string name, string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, HttpClient http)
    {
        if (!File.Exists(assembly))
            throw new FileNotFoundException($"{name}: {assembly} not found. Build it first (dotnet build -c Release), or give --url.", assembly);
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Urls"] = url.GetLeftPart(UriPartial.Authority);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(name, url, process);
        process.OutputDataReceived += (_, line) => server.Observe(line.Data);
        process.ErrorDataReceived += (_, line) => server.Observe(line.Data);
        var started = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(http);
            server.ReadyAfter = started.Elapsed;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>The child's resident memory (VmRSS of /proc/PID/status), in bytes; null when it cannot be read.</summary>
    public long? ResidentBytes()
    {
        if (process is null || !File.Exists($"/proc/{process.Id}/status"))
            return null;
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    /// <summary>
    /// CPU time the child has used so far, user and system (fields 14 and 15 of /proc/PID/stat, in clock ticks of
    /// 1/100 s on Linux); null when it cannot be read.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        if (process is null || !File.Exists($"/proc/{process.Id}/stat"))
            return null;
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const int ClockTicksPerSecond = 100;
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>The next output line matching <paramref name="pattern"/>, from now on; fails after <paramref name="timeout"/>.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        if (process is null)
            throw new InvalidOperationException($"{Name} was not started by this tool: its output cannot be read.");
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
            watchers.Add((pattern, seen));
        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} printed no line matching /{pattern}/ within {timeout.TotalSeconds:F0} s.{LastOutput()}");
        }
        finally
        {
            lock (gate)
                watchers.RemoveAll(w => w.Seen == seen);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null)
            return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        var ready = new Uri(Url, "health/ready");
        var deadline = Stopwatch.StartNew();
        // Polling: a starting server has nothing to notify readiness with but its health endpoint.
        while (deadline.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting.{LastOutput()}");
            try
            {
                using var response = await http.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"{Name} was not ready within {StartTimeout.TotalSeconds:F0} s.{LastOutput()}");
    }

    private void Observe(string? line)
    {
        if (line is null)
            return;
        lock (gate)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines)
                lastLines.Dequeue();
            foreach (var (pattern, seen) in watchers)
            {
                if (pattern.Match(line) is { Success: true } match)
                    seen.TrySetResult(match);
            }
        }
    }

    private string LastOutput()
    {
        lock (gate)
            return lastLines.Count == 0 ? string.Empty : $"{Environment.NewLine}Last output:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines)}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
