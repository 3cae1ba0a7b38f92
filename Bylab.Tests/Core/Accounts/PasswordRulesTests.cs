using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Accounts;

/// <summary>
/// What a guesser tries first is refused: length made of spaces, the person's own name or address, and the words
/// everyone in Hamar would try (hamar, bylab, kommune, a year).
/// </summary>
public sealed class PasswordRulesTests
{
    private static readonly BylabUser Kari = new()
    {
        UserName = "kari.nordmann@test.bylab.no", Email = "kari.nordmann@test.bylab.no", DisplayName = "Kari Nordmann",
    };

    private static Task<IdentityResult> ValidateAsync(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, Kari, password);

    [Theory]
    [InlineData("      a      ")]
    [InlineData("a          b")]
    [InlineData("ab  cd  ef  gh ")]
    public async Task LengthIsCountedWithoutRunsOfSpaces(string password) =>
        Assert.Contains((await ValidateAsync(password)).Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));

    [Theory]
    [InlineData("Kari Nordmann")]
    [InlineData("kari nordmann 1")]
    [InlineData("KariNordmann2024")]
    [InlineData("kari.nordmann123")]
    [InlineData("nordmann kari !")]
    public async Task OwnNameOrAddressIsRefused(string password) =>
        Assert.Contains((await ValidateAsync(password)).Errors, e => e.Code == CommonPasswordValidator.PersonalErrorCode);

    [Theory]
    [InlineData("hamar kommune 2025")]
    [InlineData("Hamarkommune2026!")]
    [InlineData("bylab bylab 2030")]
    [InlineData("BylabHamar2027")]
    [InlineData("kommune hamar 1999")]
    public async Task LocalWordsWithAYearAreRefused(string password) =>
        Assert.Contains((await ValidateAsync(password)).Errors, e => e.Code == CommonPasswordValidator.ErrorCode);

    [Theory]
    [InlineData("blåbærsyltetøy på vaffel i Hamar")]
    [InlineData("Kari har en katt som heter Pus")]
    [InlineData("lange gode passord for test")]
    public async Task PassphrasesWithSomethingOfTheirOwnAreAccepted(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded, string.Join(", ", (await ValidateAsync(password)).Errors.Select(e => e.Code)));

    [Fact]
    public async Task IdentityUsesTheRulesWhenAnAccountIsCreated()
    {
        await using var core = await CoreHarness.CreateAsync();
        var result = await core.InScopeAsync(async sp => await sp.GetRequiredService<UserManager<BylabUser>>().CreateAsync(
            new BylabUser { UserName = "ola@test.bylab.no", Email = "ola@test.bylab.no", DisplayName = "Ola Hamar" }, "     o      "));
        Assert.False(result.Succeeded);
    }
}
