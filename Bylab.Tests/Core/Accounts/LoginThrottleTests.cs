using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Accounts;

/// <summary>Failed logins per key: five lock it for a quarter of an hour; a success clears it; old counts are forgotten.</summary>
public sealed class LoginThrottleCoreTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<bool> FailAsync(string key) => _core.WithAsync<LoginThrottles, bool>(t => t.RecordFailureAsync(key));
    private Task<bool> LockedAsync(string key) => _core.WithAsync<LoginThrottles, bool>(t => t.IsLockedAsync(key));

    [Fact]
    public async Task FiveFailuresLockTheKeyForAQuarterOfAnHour()
    {
        var key = LoginThrottles.AddressKey("Kari@Test.Bylab.no ");
        Assert.Equal(LoginThrottles.AddressKey("kari@test.bylab.no"), key);
        for (var i = 1; i < LoginThrottles.MaxFailures; i++)
        {
            Assert.False(await FailAsync(key));
        }
        Assert.True(await FailAsync(key));
        Assert.True(await LockedAsync(key));
        Assert.False(await LockedAsync(LoginThrottles.AddressKey("ola@test.bylab.no")));
        Assert.False(await LockedAsync(LoginThrottles.DeviceKey("ABC", "kari-id")));

        _core.Clock.Advance(LoginThrottles.Duration + TimeSpan.FromSeconds(1));
        Assert.False(await LockedAsync(key));
        // A new window: one failure does not lock it again.
        Assert.False(await FailAsync(key));
    }

    [Fact]
    public async Task FailuresFarApartDoNotAddUp()
    {
        var key = LoginThrottles.AddressKey("ola@test.bylab.no");
        for (var i = 0; i < 10; i++)
        {
            Assert.False(await FailAsync(key));
            _core.Clock.Advance(LoginThrottles.Duration / 4);
        }
    }

    [Fact]
    public async Task ASuccessClearsTheKeyAndHousekeepingForgetsOldOnes()
    {
        var key = LoginThrottles.AddressKey("per@test.bylab.no");
        var other = LoginThrottles.AddressKey("pål@test.bylab.no");
        for (var i = 1; i < LoginThrottles.MaxFailures; i++)
        {
            await FailAsync(key);
        }
        await FailAsync(other);
        await _core.WithAsync<LoginThrottles, bool>(async t => { await t.ResetAsync(key); return true; });
        Assert.False(await FailAsync(key));

        _core.Clock.Advance(LoginThrottles.Duration + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await _core.WithAsync<LoginThrottles, int>(t => t.DeleteExpiredAsync()));
    }

    [Fact]
    public async Task FailuresAtOnceAreAllCounted()
    {
        var key = LoginThrottles.AddressKey("samtidig@test.bylab.no");
        await Task.WhenAll(Enumerable.Range(0, LoginThrottles.MaxFailures).Select(_ => Task.Run(() => FailAsync(key))));
        Assert.True(await LockedAsync(key));
    }
}
