using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ProSpine.FaqBot.TeamsApp;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.TeamsApp;

public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = ShippedTeamsPackage.AppId;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_command_writes_a_flat_zip_with_the_manifest_and_both_icons()
    {
        var zipPath = folder.File("out/teams.zip");

        var exitCode = PackageCommand.Main(["--app-id", AppId, "--out", zipPath]);

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_manifest_carries_the_app_id_the_current_schema_and_the_three_bot_scopes()
    {
        var (manifest, _) = Package();

        Assert.Equal("1.25", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!);
        Assert.Equal(["feedback", "help", "lookup", "unanswered"], commands.Order(StringComparer.Ordinal));
        Assert.Equal("Pro Spine & Pain", (string?)manifest["developer"]!["name"]);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 1, 4000);
    }

    [Fact]
    public void The_icons_are_192_and_32_pixels_square_by_their_PNG_headers_and_the_outline_has_transparency()
    {
        var (manifest, files) = Package();

        var color = files[(string)manifest["icons"]!["color"]!];
        var outline = files[(string)manifest["icons"]!["outline"]!];

        Assert.Equal((192, 192), Size(color));
        Assert.Equal((32, 32), Size(outline));
        Assert.Equal(6, outline[25]); // IHDR colour type 6: RGBA
    }

    [Fact]
    public void The_packaged_manifest_passes_every_rule_checked_before_writing()
    {
        var (manifest, files) = Package();

        Assert.Empty(TeamsAppPackage.Problems(manifest, files));
    }

    [Theory]
    [InlineData("short description over 80 characters", "/description/short")]
    [InlineData("outline icon of the wrong size", "/icons/outline")]
    [InlineData("bot id that is not a GUID", "/bots/0/botId")]
    [InlineData("unknown scope", "/bots/0/scopes/1")]
    [InlineData("no accent colour", "/accentColor")]
    [InlineData("http website", "/developer/websiteUrl")]
    public void The_rules_catch_what_Teams_would_reject(string change, string location)
    {
        var (manifest, files) = Package();
        switch (change)
        {
            case "short description over 80 characters":
                manifest["description"]!["short"] = new string('x', 81);
                break;
            case "outline icon of the wrong size":
                files["outline.png"] = files["color.png"];
                break;
            case "bot id that is not a GUID":
                manifest["bots"]![0]!["botId"] = "faq-bot";
                break;
            case "unknown scope":
                manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "everyone");
                break;
            case "no accent colour":
                manifest.Remove("accentColor");
                break;
            case "http website":
                manifest["developer"]!["websiteUrl"] = "http://prospinepain.com/";
                break;
        }

        var problems = TeamsAppPackage.Problems(manifest, files);

        Assert.Contains(problems, p => p.StartsWith(location + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void Building_from_a_template_Teams_would_reject_throws_with_the_schemas_and_the_rules_problems()
    {
        foreach (var file in Directory.GetFiles(TeamsAppPackage.DefaultSourceDirectory))
            File.Copy(file, folder.File(Path.GetFileName(file)));
        var template = folder.File(TeamsAppPackage.TemplateFile);
        File.WriteAllText(template, File.ReadAllText(template).Replace("\"Pro Spine FAQ\"", "\"Pro Spine & Pain intrathecal pump FAQ\"", StringComparison.Ordinal));
        File.Copy(folder.File("color.png"), folder.File("outline.png"), overwrite: true);

        var error = Assert.Throws<TeamsManifestException>(() => TeamsAppPackage.Build(folder.Path, Guid.Parse(AppId)));

        Assert.Collection(
            error.Problems,
            p => Assert.StartsWith("/name/short: 37 characters; at most 30", p, StringComparison.Ordinal),
            p => Assert.StartsWith("/icons/outline: 'outline.png' is 192x192", p, StringComparison.Ordinal));
        Assert.Contains("/name/short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_app_id_is_refused_and_nothing_is_written()
    {
        var zipPath = folder.File("teams.zip");

        var exitCode = PackageCommand.Main(["--app-id", "my-bot", "--out", zipPath]);

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(zipPath));
    }

    [Theory]
    [InlineData(AppId, "00000000-0000-0000-0000-000000000002", AppId)]
    [InlineData(null, "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000002")]
    [InlineData("", "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000003")]
    public void The_app_id_comes_from_the_argument_then_the_bots_settings(string? argument, string? configured, string expected)
    {
        Assert.Equal((Guid.Parse(expected), null), PackageCommand.AppIdFrom(argument, configured));
    }

    [Theory]
    [InlineData(null, "No Microsoft App ID")]
    [InlineData(" ", "No Microsoft App ID")]
    [InlineData("12345", "is not a Microsoft App ID")]
    public void A_missing_or_malformed_app_id_is_explained(string? configured, string message)
    {
        var (appId, error) = PackageCommand.AppIdFrom(null, configured);

        Assert.Null(appId);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("Azure portal", error, StringComparison.Ordinal);
    }

    private static (JsonObject Manifest, Dictionary<string, byte[]> Files) Package() => ShippedTeamsPackage.Build();

    /// <summary>Width and height from a PNG's IHDR chunk, read here without the tool's own reader.</summary>
    private static (int Width, int Height) Size(byte[] png)
    {
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }
}
