using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Accounts;

/// <summary>Sessions kept on the server: a session is as alive as its row, and its row as its account's security stamp.</summary>
public sealed class UserSessionTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private BylabUser _kari = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", roles: [Roles.Citizen]);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<string> StartAsync(BylabUser user, TimeSpan? life = null) =>
        _core.WithAsync<UserSessions, string>(s => s.StartAsync(user.Id, user.SecurityStamp!, [1, 2, 3], _core.Clock.GetUtcNow().UtcDateTime + (life ?? TimeSpan.FromHours(8))));

    private Task<byte[]?> FindAsync(string key) => _core.WithAsync<UserSessions, byte[]?>(s => s.FindAsync(key));

    private Task<int> RowsAsync() => _core.WithDbAsync(db => db.Set<UserSession>().CountAsync());

    [Fact]
    public async Task ASessionLivesUntilItEnds()
    {
        var key = await StartAsync(_kari);
        Assert.Equal([1, 2, 3], await FindAsync(key));
        // The key itself is not stored, only its hash.
        Assert.False(await _core.WithDbAsync(db => db.Set<UserSession>().AnyAsync(s => s.Id == key)));

        await _core.WithAsync<UserSessions, bool>(async s => { await s.EndAsync(key); return true; });

        Assert.Null(await FindAsync(key));
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task ANewSecurityStampEndsEverySessionOfThatPerson()
    {
        var first = await StartAsync(_kari);
        var second = await StartAsync(_kari);
        var ola = await _core.Users.CreateAsync("Ola Hamar", "ola@test.bylab.no", roles: [Roles.Citizen]);
        var olas = await StartAsync(ola);

        await _core.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(_kari.Id))!)).Succeeded);
        });

        Assert.Null(await FindAsync(first));
        Assert.Null(await FindAsync(second));
        Assert.NotNull(await FindAsync(olas));
        // The dead rows are gone as they are found; housekeeping takes the rest.
        Assert.Equal(1, await RowsAsync());
    }

    [Fact]
    public async Task AnExpiredSessionIsGoneAndHousekeepingDeletesEndedOnes()
    {
        var shortLived = await StartAsync(_kari, TimeSpan.FromMinutes(30));
        var longLived = await StartAsync(_kari);
        _core.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _core.WithAsync<UserSessions, int>(s => s.DeleteEndedAsync()));
        Assert.Null(await FindAsync(shortLived));
        Assert.NotNull(await FindAsync(longLived));
    }

    [Fact]
    public async Task DeletingTheAccountDeletesItsSessions()
    {
        var key = await StartAsync(_kari);

        Assert.True(await _core.WithAsync<AccountService, bool>(s => s.DeleteAsync(_kari.Id)));

        Assert.Null(await FindAsync(key));
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task BlockingRoleChangesAndTwoFactorResetsEndEverySession()
    {
        var admin = new Bylab.Core.Auditing.Actor("admin", "Admin");
        foreach (var change in new Func<AdminUserService, Task>[]
        {
            s => s.SetLockedAsync(admin, _kari.Id, true),
            s => s.SetRolesAsync(admin, _kari.Id, [Roles.Citizen, Roles.Organiser]),
            s => s.ResetTwoFactorAsync(admin, _kari.Id),
        })
        {
            var user = await _core.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == _kari.Id));
            await StartAsync(user);
            await _core.InScopeAsync(sp => change(sp.GetRequiredService<AdminUserService>()));
            Assert.Equal(0, await RowsAsync());
        }
    }
}
