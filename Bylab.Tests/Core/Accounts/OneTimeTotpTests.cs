using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Accounts;

/// <summary>ASVS 2.8.4: an authenticator code signs in once, on one instance or two at the same moment.</summary>
public sealed class OneTimeTotpTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private BylabUser _kari = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _kari = await _core.Users.CreateAsync("Kari Nordmann", "kari@test.bylab.no", roles: [Roles.Staff]);
        _key = await _core.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = (await users.FindByIdAsync(_kari.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    /// <summary>One validation in a scope of its own, as one request (or another instance) would make it.</summary>
    private Task<bool> ValidateAsync(string code) => _core.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<BylabUser>>();
        var provider = new OneTimeAuthenticatorTokenProvider(sp.GetRequiredService<BylabDbContext>(), _core.Clock);
        return await provider.ValidateAsync("TwoFactor", code, users, (await users.FindByIdAsync(_kari.Id))!);
    });

    private string CodeAt(TimeSpan offset) => Totp.Code(_key, _core.Clock.GetUtcNow() + offset);

    [Fact]
    public async Task ACodeIsAcceptedOnce()
    {
        var code = CodeAt(TimeSpan.Zero);
        Assert.True(await ValidateAsync(code));
        Assert.False(await ValidateAsync(code));
    }

    [Fact]
    public async Task AnEarlierCodeIsRefusedOnceALaterOneWasUsed()
    {
        var earlier = CodeAt(TimeSpan.FromSeconds(-30));
        Assert.True(await ValidateAsync(CodeAt(TimeSpan.Zero)));
        Assert.False(await ValidateAsync(earlier));
        // The next step's code is still good (the app's clock may run a little ahead).
        Assert.True(await ValidateAsync(CodeAt(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task ACodeOlderThanOneStepIsRefused()
    {
        Assert.False(await ValidateAsync(CodeAt(TimeSpan.FromSeconds(-61))));
        Assert.False(await ValidateAsync("12345"));
        Assert.False(await ValidateAsync("abcdef"));
    }

    [Fact]
    public async Task TwoRequestsWithTheSameCodeAtOnceSignInOnce()
    {
        var code = CodeAt(TimeSpan.Zero);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ValidateAsync(code))));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TheAcceptedStepIsStoredWithTheAccount()
    {
        Assert.True(await ValidateAsync(CodeAt(TimeSpan.Zero)));
        var step = _core.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        Assert.Equal(step, await _core.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == _kari.Id).LastTotpTimeStep)));
    }
}
