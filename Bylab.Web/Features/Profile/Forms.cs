using Bylab.Core.Accounts;
using Bylab.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Profile;

public sealed class ProfileForm
{
    public string? DisplayName { get; set; }
    public string? Culture { get; set; }

    /// <summary>Optional, only with <see cref="DemographicsConsent"/> (issue 14): counted in consultation summaries, never shown per person.</summary>
    public bool DemographicsConsent { get; set; }
    public Bylab.Core.Summaries.AgeGroup? AgeGroup { get; set; }
    public Bylab.Core.Summaries.MunicipalityPart? MunicipalityPart { get; set; }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangeEmailForm
{
    public string? Email { get; set; }

    /// <summary>Asked again: a new address takes over the account (password resets go there).</summary>
    public string? Password { get; set; }
}

/// <summary>The password, asked again before something that weakens the account: two-factor off, new recovery codes.</summary>
public sealed class ConfirmPasswordForm
{
    public string? Password { get; set; }
}

/// <summary>The hidden fields of the page the change-of-address link opens.</summary>
public sealed class ConfirmEmailChangeForm
{
    public string? Email { get; set; }
    public string? Token { get; set; }
}

public sealed class AuthenticatorCodeForm
{
    public string? Code { get; set; }
}

public sealed class DeleteAccountForm
{
    public string? Password { get; set; }
}

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public ProfileFormValidator(IStringLocalizer<ProfileResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Validation.NameRequired"])
            .Must(n => n!.Trim().Length <= BylabUser.DisplayNameMaxLength).WithMessage(_ => l["Validation.NameTooLong", BylabUser.DisplayNameMaxLength])
            .SingleLine(shared);
        RuleFor(f => f.Culture)
            .Must(c => WebServices.Cultures.Any(x => x.Name == c)).WithMessage(_ => l["Validation.LanguageRequired"]);
        RuleFor(f => f.AgeGroup).IsInEnum().WithMessage(_ => l["Validation.AgeGroup"]);
        RuleFor(f => f.MunicipalityPart).IsInEnum().WithMessage(_ => l["Validation.MunicipalityPart"]);
    }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<ProfileResource> l, IStringLocalizer<AccountResource> account)
    {
        RuleFor(f => f.CurrentPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.CurrentPasswordRequired"])
            .MaximumLength(AccountRules.PasswordMaxLength).WithMessage(_ => l["Password.WrongCurrent"]);
        RuleFor(f => f.NewPassword).NewPassword(account);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => account["Validation.PasswordsDiffer"]);
    }
}

public sealed class ChangeEmailFormValidator : AbstractValidator<ChangeEmailForm>
{
    public ChangeEmailFormValidator(IStringLocalizer<AccountResource> account)
    {
        RuleFor(f => f.Email).ValidEmail(account);
        RuleFor(f => f.Password).CurrentPassword(account);
    }
}

public sealed class ConfirmPasswordFormValidator : AbstractValidator<ConfirmPasswordForm>
{
    public ConfirmPasswordFormValidator(IStringLocalizer<AccountResource> account) => RuleFor(f => f.Password).CurrentPassword(account);
}

public sealed class ConfirmEmailChangeFormValidator : AbstractValidator<ConfirmEmailChangeForm>
{
    public ConfirmEmailChangeFormValidator(IStringLocalizer<ProfileResource> l)
    {
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Email.LinkInvalid"])
            .MaximumLength(BylabUser.EmailMaxLength).WithMessage(_ => l["Email.LinkInvalid"]);
        RuleFor(f => f.Token).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Email.LinkInvalid"])
            .MaximumLength(2000).WithMessage(_ => l["Email.LinkInvalid"]);
    }
}

public sealed class AuthenticatorCodeFormValidator : AbstractValidator<AuthenticatorCodeForm>
{
    public AuthenticatorCodeFormValidator(IStringLocalizer<AccountResource> account) =>
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => account["Validation.CodeRequired"])
            .Must(c => AuthenticatorCode.Clean(c!) is { Length: 6 } d && d.All(char.IsAsciiDigit)).WithMessage(_ => account["Validation.CodeFormat"]);
}

public sealed class DeleteAccountFormValidator : AbstractValidator<DeleteAccountForm>
{
    public DeleteAccountFormValidator(IStringLocalizer<AccountResource> account) => RuleFor(f => f.Password).CurrentPassword(account);
}

internal static class AuthenticatorCode
{
    /// <summary>Apps show codes as "123 456"; people also type dashes.</summary>
    public static string Clean(string code) => code.Replace(" ", "").Replace("-", "");
}
