using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProSpine.FaqBot.Core.Faq;

namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>
/// Debian's nginx running the repository's site file (<c>docs/deploy/nginx-faqbot.conf</c>) on loopback, with a
/// self-signed certificate made for the test. The site file is used as shipped, except for what only a real server
/// has: its name becomes <c>localhost</c>, its ports free loopback ports, its certificate the test's, and its upstream
/// the bot under test. Each replacement must find its text, so a site file that drifts from this test fails it.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly string folder;

    private Nginx(Process process, string folder, int httpsPort)
    {
        this.process = process;
        this.folder = folder;
        HttpsOrigin = new Uri($"https://localhost:{httpsPort}");
        CertificateThumbprint = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "cert.pem"))).Thumbprint;
    }

    /// <summary>The thumbprint of the test's self-signed certificate, the only one a test client should accept.</summary>
    public string CertificateThumbprint { get; }

    /// <summary>The site over TLS, as a browser reaches it: <c>https://localhost:PORT</c>.</summary>
    public Uri HttpsOrigin { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts nginx in front of the bot at <paramref name="botPort"/>, serving TLS on <paramref name="httpsPort"/>.</summary>
    public static async Task<Nginx> StartAsync(int botPort, int httpsPort)
    {
        var folder = Directory.CreateTempSubdirectory("faqbot-nginx-").FullName;
        // Run as root, nginx's workers drop to "nobody": they must be able to use the folder.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        await RunAsync("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost " +
            $"-keyout {folder}/key.pem -out {folder}/cert.pem");

        var site = Adapt(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "deploy", "nginx-faqbot.conf")),
            ("listen [::]:80;", ""),
            ("listen [::]:443 ssl;", ""),
            ("listen 80;", $"listen 127.0.0.1:{FreePort()};"),
            ("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;"),
            ("/etc/letsencrypt/live/chat.example.org/fullchain.pem", $"{folder}/cert.pem"),
            ("/etc/letsencrypt/live/chat.example.org/privkey.pem", $"{folder}/key.pem"),
            ("server_name chat.example.org;", "server_name localhost;"),
            ("http://127.0.0.1:3978", $"http://127.0.0.1:{botPort}"));
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);

        var nginx = Process.Start(new ProcessStartInfo(ExecutablePath, $"-p {folder} -c {folder}/nginx.conf -g \"daemon off;\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var started = new Nginx(nginx, folder, httpsPort);
        await started.WaitUntilListeningAsync(httpsPort);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Adapt(string site, params (string Shipped, string Test)[] replacements)
    {
        foreach (var (shipped, test) in replacements)
        {
            if (!site.Contains(shipped, StringComparison.Ordinal))
                throw new InvalidOperationException($"docs/deploy/nginx-faqbot.conf no longer contains '{shipped}': update the file or this test.");
            site = site.Replace(shipped, test, StringComparison.Ordinal);
        }
        return site;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx stopped: " + await process.StandardError.ReadToEndAsync() + ReadErrorLog());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx did not listen: " + ReadErrorLog());
    }

    private string ReadErrorLog()
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {await errors}");
    }

    /// <summary>The repository, where the shipped deployment files are.</summary>
    internal static string RepositoryRoot() =>
        FaqFolderLocator.FindRoot() ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
}
