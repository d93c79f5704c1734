using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Bot;

/// <summary>
/// The Azure Bot's identity, from the top level of configuration under the names the Bot Framework SDK reads
/// (<c>MicrosoftAppId=…</c> in the environment). Checked at start-up, so a mistyped id or a single-tenant bot without
/// its tenant stops the bot with the setting's name instead of failing every channel's request later.
/// </summary>
public sealed class BotIdentityOptions : IValidatableObject
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    /// <summary>The Azure Bot's Microsoft App ID; blank runs the Bot Framework Emulator's no-authentication mode.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant (the SDK's default when blank), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Entra tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public bool RequiresAuthentication => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequiresAuthentication && !Guid.TryParse(MicrosoftAppId, out _))
            yield return new ValidationResult("MicrosoftAppId must be the Azure Bot's app id, a GUID.", [nameof(MicrosoftAppId)]);
        if (!RequiresAuthentication && !string.IsNullOrEmpty(MicrosoftAppPassword))
            yield return new ValidationResult("MicrosoftAppPassword is set without a MicrosoftAppId.", [nameof(MicrosoftAppPassword)]);
        if (!string.IsNullOrEmpty(MicrosoftAppType) && !AppTypes.Contains(MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
            yield return new ValidationResult($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}.", [nameof(MicrosoftAppType)]);
        var needsTenant = RequiresAuthentication && !string.IsNullOrEmpty(MicrosoftAppType) && !MicrosoftAppType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase);
        if (needsTenant && !Guid.TryParse(MicrosoftAppTenantId, out _))
            yield return new ValidationResult($"MicrosoftAppTenantId (a GUID) is required for a {MicrosoftAppType} bot.", [nameof(MicrosoftAppTenantId)]);
    }
}
