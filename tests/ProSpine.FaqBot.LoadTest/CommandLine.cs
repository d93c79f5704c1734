using System.Globalization;

namespace ProSpine.FaqBot.LoadTest;

/// <summary>
/// The command (<c>all</c>, <c>messages</c>, <c>directline</c>, <c>churn</c>, <c>echo-server</c>) and its
/// <c>--name value</c> options; <c>--name</c> alone is a switch. Unknown options are refused, so a typo never runs a
/// different load than the one asked for.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> options;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private CommandLine(string command, Dictionary<string, string?> options)
    {
        Command = command;
        this.options = options;
    }

    public string Command { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var named = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
        var command = named ? args[0] : "all";
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = named ? 1 : 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are --name value.");
            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : null;
        }
        return new CommandLine(command, options);
    }

    public string? Text(string name)
    {
        read.Add(name);
        return options.TryGetValue(name, out var value) ? value : null;
    }

    public Uri? Url(string name) => Text(name) is { } text
        ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--{name}: '{text}' is not an absolute URL.")
        : null;

    public int Int(string name, int fallback, int min = 1) => Text(name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a whole number of at least {min}.")
        : fallback;

    public TimeSpan Seconds(string name, TimeSpan fallback, int min = 1) => TimeSpan.FromSeconds(Int(name, (int)fallback.TotalSeconds, min));

    public bool Switch(string name)
    {
        read.Add(name);
        return options.TryGetValue(name, out var value) && value is null;
    }

    /// <summary>Fails on options that no part of the command asked for.</summary>
    public void RefuseUnknown()
    {
        var unknown = options.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown option{(unknown.Count > 1 ? "s" : "")} for '{Command}': {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}
