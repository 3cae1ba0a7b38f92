using Bylab.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>
/// Identity runs this on every create and update of an account, whichever page or service saves it: the display
/// name is required, fits its column and stays on one line (it is the greeting of every mail the person gets).
/// The web layer translates the error code; its forms give the same rule a message on the field first.
/// </summary>
public sealed class BylabUserValidator : IUserValidator<BylabUser>
{
    public const string DisplayNameInvalid = "DisplayNameInvalid";

    public Task<IdentityResult> ValidateAsync(UserManager<BylabUser> manager, BylabUser user) =>
        Task.FromResult(IsValidDisplayName(user.DisplayName)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = DisplayNameInvalid, Description = "The display name is empty, too long or not on one line." }));

    public static bool IsValidDisplayName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= BylabUser.DisplayNameMaxLength && TextRule.IsOneLine(name);
}
