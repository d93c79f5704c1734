using System.Text.Json.Nodes;
using ProSpine.FaqBot.TeamsApp;

namespace ProSpine.FaqBot.Tests.Support;

/// <summary>The Teams app package as the command builds it from the shipped template, taken apart for a test to
/// change.</summary>
public static class ShippedTeamsPackage
{
    public const string AppId = "3f2a7c1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";

    /// <summary>The filled manifest, and the package's other files by name.</summary>
    internal static (JsonObject Manifest, Dictionary<string, byte[]> Files) Build()
    {
        var files = TeamsAppPackage.Build(TeamsAppPackage.DefaultSourceDirectory, Guid.Parse(AppId)).ToDictionary(StringComparer.Ordinal);
        var manifest = JsonNode.Parse(files[TeamsAppPackage.ManifestFile])!.AsObject();
        files.Remove(TeamsAppPackage.ManifestFile);
        return (manifest, files);
    }
}
