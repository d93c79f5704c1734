using System.Text.Json;

namespace ProSpine.FaqBot.Core.Configuration;

/// <summary>
/// Reads a section of <c>appsettings.json</c> for code that runs without the web host (the curator command, tests),
/// so that it matches with the same thresholds as the running bot. Environment overrides are the host's business.
/// </summary>
public static class AppSettings
{
    public const string FileName = "appsettings.json";

    private static readonly JsonSerializerOptions BindingOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The section bound to <typeparamref name="T"/>; <typeparamref name="T"/>'s defaults where the file or
    /// section is absent.</summary>
    public static T Section<T>(string rootDirectory, string section)
        where T : new()
    {
        using var document = Read(rootDirectory);
        return document is not null && document.RootElement.TryGetProperty(section, out var element)
            ? element.Deserialize<T>(BindingOptions) ?? new T()
            : new T();
    }

    /// <summary>A top-level text setting (such as <c>MicrosoftAppId</c>), or null where the file or setting is absent.</summary>
    public static string? Value(string rootDirectory, string key)
    {
        using var document = Read(rootDirectory);
        return document is not null && document.RootElement.TryGetProperty(key, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : null;
    }

    private static JsonDocument? Read(string rootDirectory)
    {
        var path = Path.Combine(rootDirectory, FileName);
        return File.Exists(path)
            ? JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            })
            : null;
    }
}
