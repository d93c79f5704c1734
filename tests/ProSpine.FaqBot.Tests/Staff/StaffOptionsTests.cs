using System.ComponentModel.DataAnnotations;
using ProSpine.FaqBot.Core.Staff;
using ProSpine.FaqBot.Tests.Support;

namespace ProSpine.FaqBot.Tests.Staff;

public sealed class StaffOptionsTests
{
    [Fact]
    public void A_listed_tenant_is_recognised_in_any_letter_case_and_others_are_not()
    {
        var options = new StaffOptions();
        options.TenantIds.Add(TestBots.StaffTenant);

        Assert.True(options.IsStaff(TestBots.StaffTenant.ToUpperInvariant(), userObjectId: null, teamId: null));
        Assert.False(options.IsStaff("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b", userObjectId: null, teamId: null));
        Assert.False(options.IsStaff(null, userObjectId: null, teamId: null));
    }

    [Fact]
    public void With_no_tenants_listed_nobody_is_staff()
    {
        Assert.False(new StaffOptions().IsStaff(TestBots.StaffTenant, userObjectId: null, teamId: null));
    }

    [Fact]
    public void Listed_users_or_teams_narrow_the_tenant_and_either_list_admits()
    {
        const string colleague = "11111111-2222-4333-8444-555555555555";
        const string guest = "99999999-8888-4777-8666-555555555555";
        const string clinicTeam = "19:clinic-team@thread.tacv2";
        var options = new StaffOptions();
        options.TenantIds.Add(TestBots.StaffTenant);
        options.UserObjectIds.Add(colleague);
        options.TeamIds.Add(clinicTeam);

        Assert.True(options.IsStaff(TestBots.StaffTenant, colleague.ToUpperInvariant(), teamId: null));
        Assert.True(options.IsStaff(TestBots.StaffTenant, guest, clinicTeam));
        Assert.False(options.IsStaff(TestBots.StaffTenant, guest, teamId: null));
        Assert.False(options.IsStaff(TestBots.StaffTenant, guest, "19:shared-channel-team@thread.tacv2"));
        Assert.False(options.IsStaff("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b", colleague, clinicTeam));
    }

    [Fact]
    public void A_tenant_id_that_is_not_a_GUID_fails_validation_with_its_value()
    {
        var options = new StaffOptions();
        options.TenantIds.Add("contoso.onmicrosoft.com");
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("'contoso.onmicrosoft.com' is not one", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_tenant_id_in_configuration_stops_start_up()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Staff:TenantIds:0"] = "clinic" });

        var failure = Record.Exception(() => factory.CreateClient());

        Assert.Contains("'clinic' is not one", failure?.ToString(), StringComparison.Ordinal);
    }
}
