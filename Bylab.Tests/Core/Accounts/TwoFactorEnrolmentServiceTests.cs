using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Accounts;

/// <summary>Enrolment links: for one account, once, for a day; a new one replaces the old; every link and use is audited.</summary>
public sealed class TwoFactorEnrolmentServiceTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-id", "Astrid Admin");
    private CoreHarness _core = null!;
    private BylabUser _staff = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _staff = await _core.Users.CreateAsync("Sindre Bylab-ansatt", "ansatt@test.bylab.no", roles: [Roles.Staff]);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private async Task<string> LinkAsync()
    {
        var (result, token, _) = await _core.WithAsync<TwoFactorEnrolments, (EnrolmentLinkResult, string?, BylabUser?)>(e => e.CreateAsync(Admin, _staff.Id));
        Assert.Equal(EnrolmentLinkResult.Created, result);
        return token!;
    }

    private Task<bool> ValidAsync(string userId, string token) => _core.WithAsync<TwoFactorEnrolments, bool>(e => e.IsValidAsync(userId, token));
    private Task<bool> UseAsync(string userId, string token) => _core.WithAsync<TwoFactorEnrolments, bool>(e => e.UseAsync(userId, token));

    [Fact]
    public async Task ALinkWorksOnceForItsOwnAccount()
    {
        var token = await LinkAsync();
        var other = await _core.Users.CreateAsync("Mona Moderator", "moderator@test.bylab.no", roles: [Roles.Moderator]);

        Assert.False(await ValidAsync(other.Id, token));
        Assert.True(await ValidAsync(_staff.Id, token));
        Assert.True(await UseAsync(_staff.Id, token));
        Assert.False(await ValidAsync(_staff.Id, token));
        Assert.False(await UseAsync(_staff.Id, token));

        var audit = (await _core.AuditAsync()).Select(a => (a.Action, a.ActorId)).ToList();
        Assert.Equal([(AuditActions.TwoFactorEnrolmentLinkSent, Admin.UserId), (AuditActions.TwoFactorEnrolled, _staff.Id)], audit);
    }

    [Fact]
    public async Task ALinkExpiresAfterADay()
    {
        var token = await LinkAsync();
        _core.Clock.Advance(TwoFactorEnrolments.Lifetime - TimeSpan.FromMinutes(1));
        Assert.True(await ValidAsync(_staff.Id, token));
        _core.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await ValidAsync(_staff.Id, token));
        Assert.False(await UseAsync(_staff.Id, token));
    }

    [Fact]
    public async Task ANewLinkReplacesTheOldOne()
    {
        var old = await LinkAsync();
        var fresh = await LinkAsync();
        Assert.False(await ValidAsync(_staff.Id, old));
        Assert.True(await ValidAsync(_staff.Id, fresh));
    }

    [Fact]
    public async Task NoLinkForSomeoneWithTwoFactorOrNobody()
    {
        Assert.Equal(EnrolmentLinkResult.NotFound, (await _core.WithAsync<TwoFactorEnrolments, (EnrolmentLinkResult, string?, BylabUser?)>(e => e.CreateAsync(Admin, "nobody"))).Item1);
        await _core.WithDbAsync(async db => { db.Users.Single(u => u.Id == _staff.Id).TwoFactorEnabled = true; return await db.SaveChangesAsync(); });
        Assert.Equal(EnrolmentLinkResult.AlreadyEnrolled, (await _core.WithAsync<TwoFactorEnrolments, (EnrolmentLinkResult, string?, BylabUser?)>(e => e.CreateAsync(Admin, _staff.Id))).Item1);
    }
}
