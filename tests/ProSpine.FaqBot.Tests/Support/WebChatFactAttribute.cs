namespace ProSpine.FaqBot.Tests.Support;

/// <summary>
/// A test of the Web Chat bundle that the build installs with npm: reported as skipped, with the reason, on a machine
/// without npm. Where npm is on the PATH the build must have produced the bundle, so a build that loses it fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WebChatFactAttribute : FactAttribute
{
    public WebChatFactAttribute() => Skip = WebChatBuild.SkipReason;
}

/// <inheritdoc cref="WebChatFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WebChatTheoryAttribute : TheoryAttribute
{
    public WebChatTheoryAttribute() => Skip = WebChatBuild.SkipReason;
}

public static class WebChatBuild
{
    /// <summary>The <c>webchat.js</c> the build made a static web asset of.</summary>
    public static string Source { get; } = Path.Combine(
        Repository.Root, "src", "ProSpine.FaqBot", "ClientApp", "node_modules", "botframework-webchat", "dist", "webchat.js");

    internal static string? SkipReason { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "npm")))
            ? null
            : "No npm on the PATH, so the build installed no Web Chat bundle: install Node.js to run this test.";
}
