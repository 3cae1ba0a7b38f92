using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Organisations;

/// <summary>Staff register the organisations that borrow the venue, their contact, quota and members.</summary>
public sealed class OrganisationAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task StaffRegisterAnOrganisationAndAddAnOrganiserAsMember()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var name = TestData.Unique("Sykkelnettverket");
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name, ["ContactName"] = "Sigurd Sykkel", ["ContactEmail"] = "sykkel.example.com", ["MonthlyQuotaHours"] = "1000", ["IsActive"] = "true",
        };

        var refused = await staff.SubmitAsync("/admin/organisasjoner/ny", fields, "main form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await BylabClient.ParseAsync(refused);
        Assert.Contains("gyldig e-postadresse", form.QuerySelector("#ContactEmail-error")!.TextContent);
        Assert.Contains("mellom 1 og 744", form.QuerySelector("#MonthlyQuotaHours-error")!.TextContent);
        Assert.Equal(name, form.FieldValue("Name"));
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == name)));

        var created = await staff.SubmitAsync(form, new Dictionary<string, string> { ["ContactEmail"] = "sykkel@example.com", ["MonthlyQuotaHours"] = "6" }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var organisation = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Name == name));
        Assert.Equal(6, organisation.MonthlyQuotaHours);

        // The same name twice is refused.
        var twice = await staff.SubmitAsync("/admin/organisasjoner/ny", new Dictionary<string, string>(fields)
        {
            ["ContactEmail"] = "sykkel@example.com", ["MonthlyQuotaHours"] = "6",
        }, "main form");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.NotNull((await BylabClient.ParseAsync(twice)).QuerySelector("#Name-error"));

        // A citizen cannot be a member; an organiser can.
        var citizen = await factory.Users.CreateAsync(email: TestData.UniqueEmail("borger"), roles: [Roles.Citizen]);
        var organiser = await factory.Users.CreateAsync("Sigurd Sykkel", TestData.UniqueEmail("sigurd"), roles: [Roles.Organiser]);
        var page = await staff.GetPageAsync($"/admin/organisasjoner/{organisation.Id}");
        await staff.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = citizen.Email! }, "#member-form");
        Assert.Contains("ikke rollen arrangør", (await staff.GetPageAsync($"/admin/organisasjoner/{organisation.Id}")).Body!.TextContent);
        await staff.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = organiser.Email! }, "#member-form");
        var members = await factory.WithDbAsync(db => db.OrganisationMembers.Where(m => m.OrganisationId == organisation.Id).Select(m => m.UserId).ToListAsync());
        Assert.Equal([organiser.Id], members);
        Assert.Contains("Sigurd Sykkel", (await staff.GetPageAsync($"/admin/organisasjoner/{organisation.Id}")).QuerySelector("main")!.TextContent);
    }
}
