using AngleSharp.Dom;
using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Admin;

public sealed class AdminUsersTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private Task<IList<string>> RolesOfAsync(string email) => WithUserAsync(email, (users, user) => users.GetRolesAsync(user));

    private async Task<T> WithUserAsync<T>(string email, Func<UserManager<BylabUser>, BylabUser, Task<T>> work)
    {
        T result = default!;
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            result = await work(users, (await users.FindByEmailAsync(email))!);
        });
        return result;
    }

    [Fact]
    public async Task AdminCanFindAUserBySearchAndRole()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var organiser = await factory.Users.CreateAsync(email: TestData.UniqueEmail("arrangor"), password: TestData.Password, roles: [Roles.Organiser]);
        var citizen = await factory.Users.CreateAsync(email: TestData.UniqueEmail("borger"), password: TestData.Password, roles: [Roles.Citizen]);

        var page = await client.GetPageAsync($"/admin/brukere?sok={Uri.EscapeDataString(organiser.Email!)}");
        var rows = page.QuerySelectorAll("table.ds-table tbody tr");
        Assert.Contains(organiser.Email!, Assert.Single(rows).TextContent);
        Assert.Contains("Arrangør", rows[0].TextContent);

        var byRole = await client.GetPageAsync("/admin/brukere?rolle=Organiser");
        Assert.Contains(organiser.Email!, byRole.QuerySelector("table.ds-table")!.TextContent);
        Assert.DoesNotContain(citizen.Email!, byRole.QuerySelector("table.ds-table")!.TextContent);
        Assert.NotNull(byRole.QuerySelector("nav.pager"));
    }

    [Fact]
    public async Task AdminCanChangeARoleAndItIsAudited()
    {
        var (client, adminEmail) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var target = await factory.Users.CreateAsync(email: TestData.UniqueEmail("borger"), password: TestData.Password, roles: [Roles.Citizen]);

        var response = await client.SubmitAsync($"/admin/brukere/{target.Id}", new Dictionary<string, string> { ["Roles"] = Roles.Organiser }, "#roles-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Organiser], await RolesOfAsync(target.Email!));
        var details = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Rollene er lagret.", details.QuerySelector("[role=status]")!.TextContent);
        Assert.True(details.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#role-Organiser")!.IsChecked);

        var audit = await client.GetPageAsync($"/admin/revisjonslogg?handling={AuditActions.RolesChanged}");
        var row = audit.QuerySelectorAll("table.ds-table tbody tr").First(r => r.TextContent.Contains(target.Email!));
        Assert.Contains(adminEmail.Split('@')[0], row.TextContent);
        Assert.Contains("Roller endret", row.TextContent);
        // Roles by their names, not their codes.
        Assert.Contains("fikk Arrangør; mistet Innbygger", row.TextContent);
    }

    [Fact]
    public async Task UnknownRoleIsRefusedAndNothingChanges()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var target = await factory.Users.CreateAsync(email: TestData.UniqueEmail("borger"), password: TestData.Password, roles: [Roles.Citizen]);

        var response = await client.SubmitAsync($"/admin/brukere/{target.Id}", new Dictionary<string, string> { ["Roles"] = "Superuser" }, "#roles-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Velg bare roller fra listen.", (await BylabClient.ParseAsync(response)).ErrorSummary());
        Assert.Equal([Roles.Citizen], await RolesOfAsync(target.Email!));
    }

    [Fact]
    public async Task UnknownUserIsNotFound()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/admin/brukere/finnes-ikke")).StatusCode);
    }

    [Fact]
    public async Task AdminCanLockAndUnlockAndALockedUserCannotLogIn()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var target = await factory.Users.CreateAsync(email: TestData.UniqueEmail("borger"), password: TestData.Password, roles: [Roles.Citizen]);

        var locked = await client.SubmitAsync($"/admin/brukere/{target.Id}", new Dictionary<string, string>(), "#lock-form");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        using (var stranger = factory.CreateBylabClient())
        {
            // Someone without the password learns nothing about the block: the answer of any wrong password.
            var guess = await BylabClient.ParseAsync(await stranger.SubmitAsync("/konto/logg-inn",
                new Dictionary<string, string> { ["Email"] = target.Email!, ["Password"] = "et helt annet passord" }));
            Assert.Equal("Logg inn", guess.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains("E-postadressen eller passordet er feil.", guess.QuerySelector("main")!.TextContent);
            Assert.DoesNotContain("sperret", guess.QuerySelector("main")!.TextContent);
        }
        using (var person = factory.CreateBylabClient())
        {
            var login = await person.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = target.Email!, ["Password"] = TestData.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            // Blocked by an admin: said so, with whom to contact – not «locked for a while, make a new password».
            var page = await BylabClient.ParseAsync(login);
            Assert.Equal("Kontoen er sperret", page.QuerySelector("h1")!.TextContent);
            Assert.Contains("bylab@hamar.kommune.no", page.QuerySelector("#blocked-contact")!.TextContent);
            Assert.DoesNotContain("/konto/passord/glemt", page.QuerySelector("main")!.InnerHtml);
            Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".Bylab.Auth=", StringComparison.Ordinal) && !c.StartsWith(".Bylab.Auth=;", StringComparison.Ordinal));
        }
        var details = await client.GetPageAsync($"/admin/brukere/{target.Id}");
        Assert.Contains("sperret", details.QuerySelector("dl")!.TextContent);

        var unlocked = await client.SubmitAsync(details, new Dictionary<string, string>(), "#lock-form");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using (var person = factory.CreateBylabClient())
        {
            await person.LogInAsync(target.Email!, TestData.Password);
        }
        var audit = (await client.GetPageAsync("/admin/revisjonslogg")).QuerySelector("table.ds-table")!.TextContent;
        Assert.Contains("Konto sperret", audit);
        Assert.Contains("Sperre opphevet", audit);
    }

    [Fact]
    public async Task AdminCannotLockOwnAccount()
    {
        var (client, email) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var me = await WithUserAsync(email, (_, user) => Task.FromResult(user));
        var page = await client.GetPageAsync($"/admin/brukere/{me.Id}");
        Assert.Null(page.QuerySelector("#lock-form"));

        var response = await client.PostRawAsync($"/admin/brukere/{me.Id}/sperr", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Du kan ikke sperre din egen konto.", (await client.GetPageAsync(response.Headers.Location!.ToString())).QuerySelector("[role=alert]")!.TextContent);
        Assert.False(await WithUserAsync(email, (users, user) => users.IsLockedOutAsync(user)));
    }

    [Fact]
    public async Task AdminCanResetSomeonesTwoFactor()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var staffEmail = TestData.UniqueEmail("ansatt");
        var staff = await factory.Users.CreateAsync(email: staffEmail, password: TestData.Password, roles: [Roles.Staff]);
        var oldKey = await factory.EnableTotpAsync(staffEmail);
        var oldStamp = await WithUserAsync(staffEmail, (_, user) => Task.FromResult(user.SecurityStamp));

        var response = await client.SubmitAsync($"/admin/brukere/{staff.Id}", new Dictionary<string, string>(), "#twofactor-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (enabled, key, stamp) = await WithUserAsync(staffEmail, async (users, user) =>
            (user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user), user.SecurityStamp));
        Assert.False(enabled);
        Assert.NotEqual(oldKey, key);
        Assert.NotEqual(oldStamp, stamp);
        Assert.Contains("Tofaktor nullstilt", (await client.GetPageAsync("/admin/revisjonslogg")).QuerySelector("table.ds-table")!.TextContent);
    }
}

/// <summary>On a database of its own, where the admin signed in is the only one.</summary>
public sealed class LastAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task LastAdminCannotRemoveOwnAdminRole()
    {
        var (client, email) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));

        var response = await client.SubmitAsync($"/admin/brukere/{id}", new Dictionary<string, string> { ["Roles"] = Roles.Citizen }, "#roles-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains("Du kan ikke ta bort administratorrollen fra den siste administratoren. Gi rollen til noen andre først.", page.ErrorSummary());
        // The boxes show what the admin asked for, so they can see what was refused.
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#role-Citizen")!.IsChecked);
        var roles = await factory.WithDbAsync(db => Task.FromResult(
            db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList()));
        Assert.Equal([Roles.Admin], roles);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Any(e => e.TargetId == id))));
    }
}
