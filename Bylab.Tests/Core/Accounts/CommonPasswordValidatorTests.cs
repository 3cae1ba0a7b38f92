using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Tests.Core.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private static readonly BylabUser Kari = new() { UserName = "kari.nordmann@test.bylab.no", Email = "kari.nordmann@test.bylab.no", DisplayName = "Kari" };

    // The validator does not use the manager, so none is built here.
    private static Task<IdentityResult> ValidateAsync(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, Kari, password);

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("123456789012")]
    [InlineData("  PasswordPassword ")]
    public async Task CommonPasswordIsRefused(string password)
    {
        var result = await ValidateAsync(password);
        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator.ErrorCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task LongPassphraseIsAccepted() =>
        Assert.True((await ValidateAsync("blåbærsyltetøy på vaffel i Hamar")).Succeeded);

    [Theory]
    [InlineData("kari.nordmann@test.bylab.no")]
    [InlineData("Kari.Nordmann@Test.Bylab.no")]
    public async Task PasswordEqualToOwnEmailIsRefused(string password) =>
        Assert.False((await ValidateAsync(password)).Succeeded);

    [Fact]
    public void SomeoneElsesEmailIsNotCommon() =>
        Assert.False(CommonPasswordValidator.IsCommon("ola.hamar@test.bylab.no")
            || CommonPasswordValidator.IsPersonal("ola.hamar@test.bylab.no", Kari.DisplayName, Kari.Email));
}
