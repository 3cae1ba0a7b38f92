using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Accounts;

public sealed class AccountServiceTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private BylabUser _admin = null!;
    private BylabUser _kari = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _admin = await _core.Users.CreateAsync("Astrid Admin", "astrid@test.bylab.no", TestData.Password, roles: [Roles.Admin]);
        _kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", TestData.Password, roles: [Roles.Citizen, Roles.Organiser]);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    /// <summary>Kari acts once as a staff member, and the admin acts on Kari and on someone else.</summary>
    private async Task<BylabUser> WriteAuditHistoryAsync()
    {
        var ola = await _core.Users.CreateAsync("Ola Hamar", "ola@test.bylab.no", TestData.Password, roles: [Roles.Citizen]);
        await _core.InScopeAsync(async sp =>
        {
            var audit = (AuditLog)sp.GetService(typeof(AuditLog))!;
            audit.Add(new Actor(_admin.Id, "Astrid Admin"), AuditActions.RolesChanged, "user", _kari.Id, "kari@test.bylab.no: +[Organiser] -[]");
            audit.Add(new Actor(_kari.Id, "Kari Nordmann"), AuditActions.UserLocked, "user", ola.Id, "ola@test.bylab.no");
            audit.Add(new Actor(_admin.Id, "Astrid Admin"), AuditActions.UserUnlocked, "user", ola.Id, "ola@test.bylab.no");
            await ((Bylab.Core.Data.BylabDbContext)sp.GetService(typeof(Bylab.Core.Data.BylabDbContext))!).SaveChangesAsync();
        });
        return ola;
    }

    [Fact]
    public async Task PersonCanDownloadEverythingKeptAboutThem()
    {
        await WriteAuditHistoryAsync();
        _core.Clock.Advance(TimeSpan.FromDays(3));

        var export = await _core.WithAsync<AccountService, PersonalDataExport?>(s => s.ExportAsync(_kari.Id));

        Assert.NotNull(export);
        Assert.Equal(CoreHarness.Start.AddDays(3), export.ExportedAt);
        Assert.Equal(new PersonalProfile(_kari.Id, "Kari Nordmann", "kari@test.bylab.no", true, "nb", false, CoreHarness.Start, null),
            export.Profile);
        Assert.Equal([Roles.Citizen, Roles.Organiser], export.Roles);
        Assert.Equal(2, export.AdministrativeActions.Count);
        Assert.Contains(export.AdministrativeActions, a => a is { Action: AuditActions.RolesChanged, PerformedByYou: false });
        Assert.Contains(export.AdministrativeActions, a => a is { Action: AuditActions.UserLocked, PerformedByYou: true });
        Assert.DoesNotContain(export.AdministrativeActions, a => a.Action == AuditActions.UserUnlocked);
    }

    [Fact]
    public async Task ExportOfUnknownPersonIsNull() =>
        Assert.Null(await _core.WithAsync<AccountService, PersonalDataExport?>(s => s.ExportAsync("finnes-ikke")));

    [Fact]
    public async Task CitizenCanDeleteOwnAccount()
    {
        var ola = await WriteAuditHistoryAsync();

        Assert.True(await _core.WithAsync<AccountService, bool>(s => s.DeleteAsync(_kari.Id)));

        Assert.False(await _core.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == _kari.Id)));
        Assert.False(await _core.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == _kari.Id)));
        Assert.True(await _core.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == ola.Id)));

        var audit = await _core.AuditAsync();
        // Kari's own actions keep her id (so they still group) but lose her name; other people's names stay.
        var byKari = Assert.Single(audit, a => a.Action == AuditActions.UserLocked);
        Assert.Equal((_kari.Id, (string?)null), (byKari.ActorId, byKari.ActorName));
        Assert.All(audit.Where(a => a.ActorId == _admin.Id), a => Assert.Equal("Astrid Admin", a.ActorName));
        // What was written about Kari loses its details (her e-mail address); entries about Ola keep theirs.
        Assert.Null(Assert.Single(audit, a => a.Action == AuditActions.RolesChanged).Details);
        Assert.Equal("ola@test.bylab.no", Assert.Single(audit, a => a.Action == AuditActions.UserUnlocked).Details);

        var deletion = Assert.Single(audit, a => a.Action == AuditActions.UserDeletedOwnAccount);
        Assert.Equal((_kari.Id, (string?)null, "user", _kari.Id), (deletion.ActorId, deletion.ActorName, deletion.TargetType, deletion.TargetId));
    }

    [Fact]
    public async Task DeletingUnknownAccountDoesNothing()
    {
        Assert.False(await _core.WithAsync<AccountService, bool>(s => s.DeleteAsync("finnes-ikke")));
        Assert.Empty(await _core.AuditAsync());
    }
}
