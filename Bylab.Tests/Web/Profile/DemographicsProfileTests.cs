using System.Net;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Profile;

/// <summary>Issue 14: age group and part of town are optional, kept only with consent, and are in the person's data download.</summary>
public sealed class DemographicsProfileTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AgeAndPartOfTownAreKeptOnlyWithConsentAndAreInTheDataDownload()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        Task<BylabUser> Stored() => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

        // Without consent nothing is kept, whatever was chosen.
        var response = await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string>
            { ["DisplayName"] = "Kari", ["Culture"] = "nb", ["AgeGroup"] = "From35To49", ["MunicipalityPart"] = "Ridabu" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((null, null, null), ((await Stored()).AgeGroup, (await Stored()).MunicipalityPart, (await Stored()).DemographicsConsentedAt));

        await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string>
            { ["DisplayName"] = "Kari", ["Culture"] = "nb", ["DemographicsConsent"] = "true", ["AgeGroup"] = "From35To49", ["MunicipalityPart"] = "Ridabu" });
        var stored = await Stored();
        Assert.Equal((AgeGroup.From35To49, MunicipalityPart.Ridabu), (stored.AgeGroup, stored.MunicipalityPart));
        Assert.NotNull(stored.DemographicsConsentedAt);
        var form = await client.GetPageAsync("/min-side/rediger");
        Assert.NotNull(form.QuerySelector("#DemographicsConsent[checked]"));

        var download = await client.SubmitAsync("/min-side", new Dictionary<string, string>(), "form[action$='/min-side/data']");
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var profile = json.RootElement.GetProperty("Profile");
        Assert.Equal("From35To49", profile.GetProperty("AgeGroup").GetString());
        Assert.Equal("Ridabu", profile.GetProperty("MunicipalityPart").GetString());

        // Withdrawing consent deletes both.
        await client.SubmitAsync(form, new Dictionary<string, string> { ["DemographicsConsent"] = "false" }, "main form");
        stored = await Stored();
        Assert.Equal((null, null, null), (stored.AgeGroup, stored.MunicipalityPart, stored.DemographicsConsentedAt));
    }

    [Fact]
    public async Task AnAgeGroupThatIsNotOnTheListIsRefusedOnItsField()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var response = await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string>
            { ["DisplayName"] = "Kari", ["Culture"] = "nb", ["DemographicsConsent"] = "true", ["AgeGroup"] = "Pensjonist" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Verdien «Pensjonist» er ikke gyldig.", (await BylabClient.ParseAsync(response)).ErrorSummary());
        Assert.Null((await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email))).DemographicsConsentedAt);
    }
}
