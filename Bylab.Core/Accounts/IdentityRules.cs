using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>The account rules the web app and the tests' Identity set-up share, so a test account is held to the same.</summary>
public static class IdentityRules
{
    /// <summary>ASVS 2.1: length, not composition. One account per e-mail address.</summary>
    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.User.RequireUniqueEmail = true;
        // The user name is the e-mail address, and addresses like gunn@hønsegård.no are real.
        o.User.AllowedUserNameCharacters = "";
    }

    /// <summary>The guessable passwords refused (<see cref="CommonPasswordValidator"/>); one-line display names (<see cref="BylabUserValidator"/>).</summary>
    public static IdentityBuilder AddBylabRules(this IdentityBuilder builder) =>
        builder.AddPasswordValidator<CommonPasswordValidator>().AddUserValidator<BylabUserValidator>();
}
