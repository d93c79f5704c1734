namespace ProSpine.FaqBot.BrowserTests.Support;

/// <summary>The settings the shipped systemd unit (<c>docs/deploy/faqbot.service</c>) gives the bot, as configuration keys.</summary>
public static class SystemdUnit
{
    /// <summary>
    /// The unit's <c>Environment=</c> lines, with <c>__</c> read as <c>:</c> (as the bot's configuration reads them),
    /// after replacing <paramref name="replacements"/>' shipped texts (each must occur, so the unit cannot drift from
    /// the test).
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> Settings(params (string Shipped, string Test)[] replacements)
    {
        var unit = File.ReadAllText(Path.Combine(Nginx.RepositoryRoot(), "docs", "deploy", "faqbot.service"));
        foreach (var (shipped, test) in replacements)
        {
            if (!unit.Contains(shipped, StringComparison.Ordinal))
                throw new InvalidOperationException($"docs/deploy/faqbot.service no longer contains '{shipped}': update the file or this test.");
            unit = unit.Replace(shipped, test, StringComparison.Ordinal);
        }
        return unit.Split('\n')
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(line => line["Environment=".Length..].Split('=', 2))
            .Select(pair => (pair[0].Replace("__", ":", StringComparison.Ordinal), pair[1].Trim()))
            .ToList();
    }
}
