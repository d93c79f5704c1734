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

    /// <summary>
    /// Narrows staff within the tenant to these Microsoft Entra user object ids (GUIDs): a tenant includes guests,
    /// for one, and guests in shared channels write from it. With <see cref="TeamIds"/>, either list admits.
    /// Both empty (the default): the whole tenant.
    /// </summary>
    public IList<string> UserObjectIds { get; } = [];

    /// <summary>
    /// Narrows staff within the tenant to the members of these Teams teams (the team's id, as in
    /// <c>channelData.team.id</c>, such as <c>19:…@thread.tacv2</c>): the command then works in the team's channels.
    /// </summary>
    public IList<string> TeamIds { get; } = [];

    /// <summary>
    /// Whether a sender of tenant <paramref name="tenantId"/>, with Entra object id <paramref name="userObjectId"/>,
    /// writing in team <paramref name="teamId"/> (null outside a team), is staff. GUIDs compare in any case.
    /// </summary>
    public bool IsStaff(string? tenantId, string? userObjectId, string? teamId)
    {
        if (!IsListed(TenantIds, tenantId))
            return false;
        if (UserObjectIds.Count == 0 && TeamIds.Count == 0)
            return true;
        return IsListed(UserObjectIds, userObjectId) || (teamId is not null && TeamIds.Contains(teamId, StringComparer.Ordinal));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TenantIds.Where(id => !Guid.TryParse(id, out _))
            .Select(id => new ValidationResult($"Staff:TenantIds must hold tenant ids (GUIDs); '{id}' is not one.", [nameof(TenantIds)]))
            .Concat(UserObjectIds.Where(id => !Guid.TryParse(id, out _))
                .Select(id => new ValidationResult($"Staff:UserObjectIds must hold Entra object ids (GUIDs); '{id}' is not one.", [nameof(UserObjectIds)])))
            .Concat(TeamIds.Where(string.IsNullOrWhiteSpace)
                .Select(_ => new ValidationResult("Staff:TeamIds must not hold blank ids.", [nameof(TeamIds)])));

    private static bool IsListed(IList<string> ids, string? id) =>
        Guid.TryParse(id, out var wanted) && ids.Any(listed => Guid.TryParse(listed, out var guid) && guid == wanted);
}
