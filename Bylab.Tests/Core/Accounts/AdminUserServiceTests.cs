using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Accounts;

public sealed class AdminUserServiceTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private BylabUser _admin = null!;
    private Actor _actor = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _admin = await _core.Users.CreateAsync("Astrid Admin", "astrid@test.bylab.no", TestData.Password, roles: [Roles.Admin]);
        _actor = new Actor(_admin.Id, _admin.DisplayName);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<RoleChangeResult> SetRoles(string userId, params string[] roles) =>
        _core.WithAsync<AdminUserService, RoleChangeResult>(s => s.SetRolesAsync(_actor, userId, roles));

    private Task<string?> StampOf(string userId) =>
        _core.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == userId).SecurityStamp));

    [Fact]
    public async Task AdminCanAddAndRemoveRolesAndTheChangeIsAudited()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);

        Assert.Equal(RoleChangeResult.Updated, await SetRoles(kari.Id, Roles.Organiser, Roles.Staff));

        Assert.Equal([Roles.Organiser, Roles.Staff], (await _core.Users.RolesOfAsync(kari.Id)).Order());
        var entry = Assert.Single(await _core.AuditAsync());
        Assert.Equal(AuditActions.RolesChanged, entry.Action);
        Assert.Equal(_admin.Id, entry.ActorId);
        Assert.Equal("Astrid Admin", entry.ActorName);
        Assert.Equal(("user", kari.Id), (entry.TargetType, entry.TargetId));
        Assert.Equal(CoreHarness.Start, entry.At);
        Assert.Contains("kari@test.bylab.no", entry.Details);
        Assert.Contains("+[Organiser, Staff]", entry.Details);
        Assert.Contains("-[Citizen]", entry.Details);
    }

    [Fact]
    public async Task RoleChangeRenewsSecurityStampSoOldSessionsEnd()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Staff]);
        var before = await StampOf(kari.Id);

        Assert.Equal(RoleChangeResult.Updated, await SetRoles(kari.Id, Roles.Citizen));

        Assert.NotEqual(before, await StampOf(kari.Id));
    }

    [Fact]
    public async Task LastAdminCannotLoseTheAdminRole()
    {
        var stamp = await StampOf(_admin.Id);

        Assert.Equal(RoleChangeResult.LastAdmin, await SetRoles(_admin.Id, Roles.Citizen));

        Assert.Equal([Roles.Admin], await _core.Users.RolesOfAsync(_admin.Id));
        Assert.Equal(stamp, await StampOf(_admin.Id));
        Assert.Empty(await _core.AuditAsync());
    }

    [Fact]
    public async Task AdminRoleCanBeRemovedWhenAnotherAdminRemains()
    {
        var second = await _core.Users.CreateAsync("Ole Admin", "ole@test.bylab.no", TestData.Password, roles: [Roles.Admin]);

        Assert.Equal(RoleChangeResult.Updated, await SetRoles(second.Id, Roles.Staff));

        Assert.Equal([Roles.Staff], await _core.Users.RolesOfAsync(second.Id));
    }

    [Fact]
    public async Task UnknownRoleIsRefusedAndNothingChanges()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);

        Assert.Equal(RoleChangeResult.UnknownRole, await SetRoles(kari.Id, Roles.Citizen, "SuperUser"));
        Assert.Equal(RoleChangeResult.UnknownRole, await SetRoles(kari.Id, "admin"));

        Assert.Equal([Roles.Citizen], await _core.Users.RolesOfAsync(kari.Id));
        Assert.Empty(await _core.AuditAsync());
    }

    [Fact]
    public async Task SameRolesAreUnchangedAndNotAudited()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen, Roles.Organiser]);
        var stamp = await StampOf(kari.Id);

        Assert.Equal(RoleChangeResult.Unchanged, await SetRoles(kari.Id, Roles.Organiser, Roles.Citizen));

        Assert.Equal(stamp, await StampOf(kari.Id));
        Assert.Empty(await _core.AuditAsync());
    }

    [Fact]
    public async Task RolesOfUnknownUserAreNotFound() =>
        Assert.Equal(RoleChangeResult.NotFound, await SetRoles("finnes-ikke", Roles.Citizen));

    [Fact]
    public async Task AdminCanLockAndUnlockAnAccountAndBothAreAudited()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);
        var stamp = await StampOf(kari.Id);

        Assert.Equal(LockResult.Done, await _core.WithAsync<AdminUserService, LockResult>(s => s.SetLockedAsync(_actor, kari.Id, true)));
        Assert.True((await _core.WithAsync<AdminUserService, UserSummary?>(s => s.FindAsync(kari.Id)))!.LockedOut);
        Assert.True(await _core.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(kari.Id))!);
        }));
        Assert.NotEqual(stamp, await StampOf(kari.Id));

        Assert.Equal(LockResult.Done, await _core.WithAsync<AdminUserService, LockResult>(s => s.SetLockedAsync(_actor, kari.Id, false)));
        Assert.False((await _core.WithAsync<AdminUserService, UserSummary?>(s => s.FindAsync(kari.Id)))!.LockedOut);

        var audit = await _core.AuditAsync();
        Assert.Equal([AuditActions.UserLocked, AuditActions.UserUnlocked], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((_admin.Id, "user", kari.Id, "kari@test.bylab.no"), (a.ActorId, a.TargetType, a.TargetId, a.Details)));
    }

    [Fact]
    public async Task AdminCannotLockOwnAccount()
    {
        Assert.Equal(LockResult.OwnAccount, await _core.WithAsync<AdminUserService, LockResult>(s => s.SetLockedAsync(_actor, _admin.Id, true)));

        Assert.False((await _core.WithAsync<AdminUserService, UserSummary?>(s => s.FindAsync(_admin.Id)))!.LockedOut);
        Assert.Empty(await _core.AuditAsync());
    }

    [Theory]
    [InlineData("ørn", "Øyvind Ørnebakk")]
    [InlineData("ØRN", "Øyvind Ørnebakk")]
    [InlineData("bærum", "Åse Bærum")]
    [InlineData("åse", "Åse Bærum")]
    [InlineData("ÅSE", "Åse Bærum")]
    [InlineData("blåbær", "Blåbær-Per")]
    [InlineData("PER@", "Blåbær-Per")]
    [InlineData("HØNSEGÅRD", "Gunn Hønsegård")]
    public async Task ListFindsPeopleByNameOrEmailWithNorwegianLetters(string search, string expected)
    {
        await _core.Users.CreateAsync("Øyvind Ørnebakk", "oyvind@test.bylab.no", TestData.Password);
        await _core.Users.CreateAsync("Åse Bærum", "ase@test.bylab.no", TestData.Password);
        await _core.Users.CreateAsync("Blåbær-Per", "per@test.bylab.no", TestData.Password);
        await _core.Users.CreateAsync("Gunn Hønsegård", "gunn@test.bylab.no", TestData.Password);

        var found = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync(search, null, 1));

        Assert.Equal([expected], found.Items.Select(u => u.DisplayName));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task ListFiltersByRole()
    {
        await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);
        await _core.Users.CreateAsync("Mona Moderator", "mona@test.bylab.no", TestData.Password, roles: [Roles.Moderator, Roles.Citizen]);

        var moderators = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync(null, Roles.Moderator, 1));
        var citizens = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync(null, Roles.Citizen, 1));

        var mona = Assert.Single(moderators.Items);
        Assert.Equal("Mona Moderator", mona.DisplayName);
        Assert.Equal([Roles.Citizen, Roles.Moderator], mona.Roles);
        Assert.Equal(["Kari Nordmann", "Mona Moderator"], citizens.Items.Select(u => u.DisplayName));
    }

    [Fact]
    public async Task ListPagesThroughEveryone()
    {
        for (var i = 1; i <= 30; i++)
        {
            await _core.Users.CreateAsync($"Person {i:D2}", $"p{i:D2}@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);
        }

        var first = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync("person", null, 1));
        var second = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync("person", null, 2));
        var all = await _core.WithAsync<AdminUserService, Bylab.Core.Common.Paged<UserSummary>>(s => s.ListAsync(null, null, 0));

        Assert.Equal((30, 2, AdminUserService.PageSize), (first.Total, first.PageCount, first.Items.Count));
        Assert.Equal("Person 01", first.Items[0].DisplayName);
        Assert.True(first.HasNext);
        Assert.Equal(5, second.Items.Count);
        Assert.Equal("Person 30", second.Items[^1].DisplayName);
        Assert.False(second.HasNext);
        Assert.Empty(first.Items.Select(u => u.Id).Intersect(second.Items.Select(u => u.Id)));
        // Page 0 is taken as page 1; the admin is counted too.
        Assert.Equal((1, 31), (all.Page, all.Total));
    }
}
