using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ProSpine.FaqBot.TeamsApp;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.TeamsApp;

public sealed class ManifestSchemaTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Changes = new(StringComparer.Ordinal)
    {
        ["a short name over 30 characters"] = m => m["name"]!["short"] = new string('x', 31),
        ["a field the schema does not define"] = m => m["supportEmail"] = "staff@prospinepain.com",
        ["a field the schema does not define in a bot"] = m => m["bots"]![0]!["isFriendly"] = true,
        ["a scope Teams does not have"] = m => m["bots"]![0]!["scopes"] = new JsonArray("personal", "everyone"),
        ["no privacy link"] = m => m["developer"]!.AsObject().Remove("privacyUrl"),
        ["no accent colour"] = m => m.Remove("accentColor"),
        ["an accent colour that is not #RRGGBB"] = m => m["accentColor"] = "#1E5A8",
        ["an app id that is not a GUID"] = m => m["id"] = "faq-bot",
        ["another manifest version"] = m => m["manifestVersion"] = "1.24",
        ["two bots"] = m => m["bots"]!.AsArray().Add(m["bots"]![0]!.DeepClone()),
        ["13 commands"] = m => m["bots"]![0]!["commandLists"]![0]!["commands"] = new JsonArray([.. Enumerable.Range(1, 13).Select(i => new JsonObject { ["title"] = $"c{i}", ["description"] = "d" })]),
        ["a command title that is a number"] = m => m["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = 5,
        ["an over-long description of the second command"] = m => m["bots"]![0]!["commandLists"]![0]!["commands"]![1]!["description"] = new string('x', 4001),
    };

    [Fact]
    public void The_vendored_schema_is_Microsofts_v1_25_file_unchanged()
    {
        var bytes = File.ReadAllBytes(ManifestSchema.FilePath);
        var schema = JsonNode.Parse(bytes)!;

        // The git blob id of MicrosoftTeams.schema.json at tag v1.25 of OfficeDev/microsoft-teams-app-schema.
#pragma warning disable CA5350 // SHA-1 is how git names a file's content, not a security measure here.
        var blobId = Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
#pragma warning restore CA5350
        Assert.Equal("54909ac57de3290741bdd569dfc5f465d45c4880", blobId);
        Assert.Equal(ManifestSchema.Version, (string?)schema["properties"]!["manifestVersion"]!["const"]);
    }

    [Fact]
    public void The_shipped_template_meets_the_schema()
    {
        var (manifest, _) = ShippedTeamsPackage.Build();

        Assert.Empty(ManifestSchema.Problems(manifest));
    }

    [Theory]
    [InlineData("a short name over 30 characters", "/name/short", "31 characters; at most 30 are allowed")]
    [InlineData("a field the schema does not define", "/supportEmail", "not a field the Teams manifest schema v1.25 allows here")]
    [InlineData("a field the schema does not define in a bot", "/bots/0/isFriendly", "not a field the Teams manifest schema v1.25 allows here")]
    [InlineData("a scope Teams does not have", "/bots/0/scopes/1", "value must be one of \"team\", \"personal\", \"groupChat\", \"copilot\" (it is \"everyone\")")]
    [InlineData("no privacy link", "/developer/privacyUrl", "is required")]
    [InlineData("no accent colour", "/accentColor", "is required")]
    [InlineData("an accent colour that is not #RRGGBB", "/accentColor", "\"#1E5A8\" does not match the pattern ^#[0-9a-fA-F]{6}$")]
    [InlineData("an app id that is not a GUID", "/id", "\"faq-bot\" does not match the pattern")]
    [InlineData("another manifest version", "/manifestVersion", "value must be \"1.25\" (it is \"1.24\")")]
    [InlineData("two bots", "/bots", "2 items; at most 1 are allowed")]
    [InlineData("13 commands", "/bots/0/commandLists/0/commands", "13 items; at most 12 are allowed")]
    [InlineData("a command title that is a number", "/bots/0/commandLists/0/commands/0/title", "\"string\"")]
    [InlineData("an over-long description of the second command", "/bots/0/commandLists/0/commands/1/description", "4001 characters; at most 4000 are allowed")]
    public void The_schema_names_the_location_and_the_reason_of_each_problem(string change, string location, string reason)
    {
        var (manifest, _) = ShippedTeamsPackage.Build();
        Changes[change](manifest);

        var problem = Assert.Single(ManifestSchema.Problems(manifest));

        Assert.StartsWith(location + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_oneOf_branch_that_fails_beside_one_that_passes_is_no_problem_but_both_failing_are()
    {
        var (manifest, _) = ShippedTeamsPackage.Build();
        manifest["copilotAgents"] = new JsonObject { ["declarativeAgents"] = new JsonArray(new JsonObject { ["id"] = "faq", ["file"] = "agent.json" }) };
        Changes["a short name over 30 characters"](manifest);

        Assert.Equal(["/name/short: 31 characters; at most 30 are allowed"], ManifestSchema.Problems(manifest));

        manifest["copilotAgents"] = new JsonObject();

        Assert.Equal(
            ["/name/short: 31 characters; at most 30 are allowed", "/copilotAgents/declarativeAgents: is required", "/copilotAgents/customEngineAgents: is required"],
            ManifestSchema.Problems(manifest));
    }
}
