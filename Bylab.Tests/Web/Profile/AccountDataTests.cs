using System.Net;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Profile;

public sealed class AccountDataTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(BylabClient Client, string Email)> SignedInAsync(params string[] roles)
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, email);
    }

    [Fact]
    public async Task PersonCanDownloadOwnDataAsJson()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen, Roles.Organiser);
        using var _ = client;
        var response = await client.SubmitAsync("/min-side", new Dictionary<string, string>(), "form[action$='/min-side/data']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bylab-mine-data.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);

        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\n  ", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(email, doc.RootElement.GetProperty("Profile").GetProperty("Email").GetString());
        Assert.Equal(["Citizen", "Organiser"], doc.RootElement.GetProperty("Roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("PasswordHash", json);
        Assert.DoesNotContain("SecurityStamp", json);
        var stamp = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).SecurityStamp!));
        Assert.DoesNotContain(stamp, json);
    }

    [Fact]
    public async Task NorwegianLettersAreWrittenAsTheyAre()
    {
        var (client, _) = await SignedInAsync(Roles.Citizen);
        using var __ = client;
        await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string> { ["DisplayName"] = "Ærlige Østen Åsen", ["Culture"] = "nb" });
        var response = await client.SubmitAsync("/min-side", new Dictionary<string, string>(), "form[action$='/min-side/data']");
        Assert.Contains("Ærlige Østen Åsen", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CitizenCanDeleteOwnAccount()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var bystander = TestData.UniqueEmail("annen");
        await factory.Users.CreateAsync(email: bystander, password: TestData.Password, roles: [Roles.Citizen]);

        var page = await client.GetPageAsync("/min-side/slett");
        Assert.Contains("uten navnet ditt", page.QuerySelector("main")!.TextContent);
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Kontoen din er slettet.", (await client.GetPageAsync("/")).QuerySelector("main")!.TextContent);

        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == bystander))));
        // Signed out, and the account cannot be used again.
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/min-side")).StatusCode);
        using var again = factory.CreateBylabClient();
        var login = await again.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task DeletingAnAccountGivesItsPlaceToTheWaitlistWhichIsToldAtOnce()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var ev = await factory.Events.AddAsync(TestData.Unique("Fullt møte"), capacity: 1);
        await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, userId: await factory.Users.IdOfAsync(email), email: email);
        var waiting = await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, name: "Ola Venter");

        var response = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = TestData.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.Events.RegistrationOfAsync(ev.Id, waiting.Email)).Status);
        // Sent with the request that freed the place, like every other change's mail, not left for the background service.
        Assert.Contains(await factory.OutboxForAsync(waiting.Email), m => m.Subject == $"Du har fått plass: {ev.Title}");
    }

    [Fact]
    public async Task DeletionNeedsTheRightPassword()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var response = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = "ikke passordet mitt nei" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Passordet er feil."], (await BylabClient.ParseAsync(response)).ErrorSummary());
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }
}

/// <summary>A host of its own, so no other test's admin is in the database.</summary>
public sealed class LastAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task LastAdminCannotDeleteOwnAccount()
    {
        var email = TestData.UniqueEmail("admin");
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Admin]);
        var key = await factory.EnableTotpAsync(email);
        using var client = factory.CreateBylabClient();
        await client.LogInWithTotpAsync(email, TestData.Password, key);

        var response = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("den eneste administratoren", (await BylabClient.ParseAsync(response)).ErrorSummary().Single());
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));

        // With a second admin, the first may go.
        await factory.Users.CreateAsync(email: TestData.UniqueEmail("admin2"), password: TestData.Password, roles: [Roles.Admin]);
        var second = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }
}
