using System.Text.Json.Nodes;
using ProSpine.FaqBot.TeamsApp;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.TeamsApp;

public sealed class ManifestRulesTests
{
    private const string OtherId = "00000000-0000-0000-0000-000000000002";

    private static readonly Dictionary<string, Action<JsonObject, Dictionary<string, byte[]>>> Changes = new(StringComparer.Ordinal)
    {
        ["an outline icon of the wrong size"] = (_, f) => f["outline.png"] = f["color.png"],
        ["a colour icon that is not a PNG"] = (_, f) => f["color.png"] = "GIF89a, not a PNG at all"u8.ToArray(),
        ["an outline icon without transparency"] = (_, f) => f["outline.png"][25] = 2, // IHDR colour type 2: RGB, no alpha
        ["an icon that is not in the package"] = (m, _) => m["icons"]!["color"] = "logo.png",
        ["a bot under another id"] = (m, _) => m["bots"]![0]!["botId"] = OtherId,
        ["no bot"] = (m, _) => m.Remove("bots"),
        ["the schema of another version"] = (m, _) => m["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json",
        ["no schema named"] = (m, _) => m.Remove("$schema"),
        ["a version that is not major.minor.patch"] = (m, _) => m["version"] = "1.0",
        ["an http website"] = (m, _) => m["developer"]!["websiteUrl"] = "http://prospinepain.com/",
        ["an http privacy link"] = (m, _) => m["developer"]!["privacyUrl"] = "HTTP://prospinepain.com/privacy",
    };

    [Fact]
    public void The_shipped_package_meets_every_rule()
    {
        var (manifest, files) = ShippedTeamsPackage.Build();

        Assert.Empty(ManifestRules.Check(manifest, files));
    }

    [Theory]
    [InlineData("an outline icon of the wrong size", "/icons/outline", "'outline.png' is 192x192; Teams needs 32x32")]
    [InlineData("a colour icon that is not a PNG", "/icons/color", "'color.png' is not a PNG image")]
    [InlineData("an outline icon without transparency", "/icons/outline", "'outline.png' has no transparency")]
    [InlineData("an icon that is not in the package", "/icons/color", "'logo.png' is not in the package")]
    [InlineData("a bot under another id", "/bots/0/botId", "must be the app's id (" + ShippedTeamsPackage.AppId + ")")]
    [InlineData("no bot", "/bots", "the package must declare the FAQ bot")]
    [InlineData("the schema of another version", "/$schema", "is not the v1.25 schema this package is checked against")]
    [InlineData("no schema named", "/$schema", "is required")]
    [InlineData("a version that is not major.minor.patch", "/version", "\"1.0\" must be a version like 1.0.0")]
    [InlineData("an http website", "/developer/websiteUrl", "must be an https:// address")]
    [InlineData("an http privacy link", "/developer/privacyUrl", "must be an https:// address")]
    public void Each_rule_catches_what_the_schema_lets_through(string change, string location, string reason)
    {
        var (manifest, files) = ShippedTeamsPackage.Build();
        Changes[change](manifest, files);

        var problem = Assert.Single(ManifestRules.Check(manifest, files));

        Assert.StartsWith(location + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Empty(ManifestSchema.Problems(manifest));
    }

    [Fact]
    public void A_field_the_schema_finds_missing_or_malformed_is_not_reported_again()
    {
        var (manifest, files) = ShippedTeamsPackage.Build();
        manifest.Remove("icons");
        manifest["developer"] = "Pro Spine & Pain";
        manifest["bots"]![0]!["botId"] = "faq-bot";
        manifest["version"] = 1;

        Assert.Empty(ManifestRules.Check(manifest, files));
        Assert.Equal(
            [
                "/bots/0/botId: \"faq-bot\" does not match the pattern ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$",
                "/developer: Value is \"string\" but should be \"object\"",
                "/icons: is required",
                "/version: Value is \"integer\" but should be \"string\"",
            ],
            ManifestSchema.Problems(manifest).Order(StringComparer.Ordinal));
    }
}
