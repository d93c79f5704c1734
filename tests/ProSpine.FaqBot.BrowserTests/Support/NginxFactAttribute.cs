namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>
/// A test that needs nginx and openssl besides the browser: reported as skipped, with the reason, on a machine
/// without them (CI installs them, so there they always run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        Skip = new BrowserFactAttribute().Skip;
        if (Skip is null && !File.Exists(Nginx.ExecutablePath))
            Skip = $"No nginx at {Nginx.ExecutablePath}: install Debian's nginx package (apt-get install -y nginx).";
        else if (Skip is null && !File.Exists("/usr/bin/openssl"))
            Skip = "No openssl: install Debian's openssl package.";
    }
}
