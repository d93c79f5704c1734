using System.ComponentModel.DataAnnotations;

namespace ProSpine.FaqBot.Core.Staff;

/// <summary>Who may use the staff commands, bound from the <c>Staff</c> section.</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Staff";

    /// <summary>
    /// Microsoft Entra tenant ids (GUIDs) of the clinic's Microsoft 365 organisation. Only Teams users of these
    /// tenants get the staff commands; empty (the default) means nobody does.
    /// </summary>
    public IList<string> TenantIds { get; } = [];

    /// <summary>Whether <paramref name="tenantId"/> is one of <see cref="TenantIds"/> (GUIDs compare in any case).</summary>
    public bool IsStaffTenant(string? tenantId) =>
        Guid.TryParse(tenantId, out var tenant) && TenantIds.Any(id => Guid.TryParse(id, out var listed) && listed == tenant);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TenantIds
            .Where(id => !Guid.TryParse(id, out _))
            .Select(id => new ValidationResult($"Staff:TenantIds must hold tenant ids (GUIDs); '{id}' is not one.", [nameof(TenantIds)]));
}
