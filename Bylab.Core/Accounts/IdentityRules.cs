using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>Bylab's own rules for Identity, registered in one place so that the web app and the tests use the same ones.</summary>
public static class IdentityRules
{
    /// <summary>ASVS 2.1: length, not composition; the guessable passwords refused; one-line display names.</summary>
    public static void Passwords(PasswordOptions o)
    {
        o.RequiredLength = CommonPasswordValidator.MinimumLength;
        o.RequireDigit = false;
        o.RequireLowercase = false;
        o.RequireUppercase = false;
        o.RequireNonAlphanumeric = false;
        o.RequiredUniqueChars = 1;
    }

    public static IdentityBuilder AddBylabRules(this IdentityBuilder builder) =>
        builder.AddPasswordValidator<CommonPasswordValidator>().AddUserValidator<BylabUserValidator>();
}
