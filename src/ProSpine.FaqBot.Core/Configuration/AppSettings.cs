using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace ProSpine.FaqBot.Core.Configuration;

/// <summary>
/// The bot's settings for code that runs without the web host (the curator command, the Teams package command, the
/// tests and benchmarks). They come from the host's sources in the host's order, <c>appsettings.json</c> and then
/// environment variables (<c>Matching__AnswerThreshold=0.65</c>), and are bound by the same binder and validated by
/// the same attributes, so a tool answers with the same thresholds as the running bot.
/// </summary>
public static class AppSettings
{
    public const string FileName = "appsettings.json";

    /// <summary>The settings of the bot whose <c>appsettings.json</c> is in <paramref name="rootDirectory"/>.</summary>
    public static IConfiguration Load(string rootDirectory) =>
        new ConfigurationBuilder()
            .SetBasePath(Path.GetFullPath(rootDirectory))
            .AddJsonFile(FileName, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>
    /// The section of <paramref name="settings"/> (from <see cref="Load"/>) bound to <typeparamref name="T"/> (its
    /// defaults where nothing is set), validated as the host validates it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is out of range: the section and each reason.</exception>
    public static T Section<T>(IConfiguration settings, string section)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(settings);
        var value = settings.GetSection(section).Get<T>() ?? new T();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), problems, validateAllProperties: true))
            throw new InvalidOperationException($"Invalid settings in '{section}': " + string.Join(" ", problems.Select(p => p.ErrorMessage)));
        return value;
    }

    /// <summary>A top-level setting (such as <c>MicrosoftAppId</c>), or null where it is not set.</summary>
    public static string? Value(string rootDirectory, string key) => Load(rootDirectory)[key];
}
