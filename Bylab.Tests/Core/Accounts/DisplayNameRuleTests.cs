using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Accounts;

/// <summary>
/// The display name goes into the greeting of every mail and beside every contribution: Identity's user validation
/// refuses one that would break out of its line, whichever page or service saves the account.
/// </summary>
public sealed class DisplayNameRuleTests
{
    [Theory]
    [InlineData("Kari\r\n\r\nKlikk her: https://evil.example/")]
    [InlineData("Kari\u0000")]
    [InlineData("   ")]
    public async Task AccountWithABadDisplayNameIsNotSaved(string name)
    {
        await using var core = await CoreHarness.CreateAsync();
        var created = await core.InScopeAsync(sp => sp.GetRequiredService<UserManager<BylabUser>>().CreateAsync(
            new BylabUser { UserName = "kari@test.bylab.no", Email = "kari@test.bylab.no", DisplayName = name }, TestData.Password));
        Assert.Contains(created.Errors, e => e.Code == BylabUserValidator.DisplayNameInvalid);

        var kari = await core.Users.CreateAsync("Kari Nordmann", "kari2@test.bylab.no");
        var updated = await core.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = (await users.FindByIdAsync(kari.Id))!;
            user.DisplayName = name;
            return await users.UpdateAsync(user);
        });
        Assert.Contains(updated.Errors, e => e.Code == BylabUserValidator.DisplayNameInvalid);
    }
}
