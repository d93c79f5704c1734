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

        Assert.True(options.IsStaffTenant(TestBots.StaffTenant.ToUpperInvariant()));
        Assert.False(options.IsStaffTenant("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"));
        Assert.False(options.IsStaffTenant(null));
    }

    [Fact]
    public void With_no_tenants_listed_nobody_is_staff()
    {
        Assert.False(new StaffOptions().IsStaffTenant(TestBots.StaffTenant));
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
