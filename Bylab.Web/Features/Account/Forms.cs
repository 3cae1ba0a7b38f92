using Bylab.Core.Accounts;
using Bylab.Core.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Account;

public sealed class RegisterForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public bool AcceptPrivacy { get; set; }
}

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class EmailForm
{
    public string? Email { get; set; }
}

public sealed class ResetPasswordForm
{
    public string? Email { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ConfirmEmailForm
{
    public string? UserId { get; set; }
    public string? Token { get; set; }
}

public sealed class TwoFactorLoginForm
{
    public string? Code { get; set; }
    public bool RememberMe { get; set; }
    public bool RememberMachine { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>Rules every e-mail and password field shares, with messages in the person's language.</summary>
internal static class AccountRules
{
    public const int PasswordMinLength = CommonPasswordValidator.MinimumLength;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.EmailRequired"])
            .MaximumLength(BylabUser.EmailMaxLength).WithMessage(_ => l["Validation.EmailTooLong", BylabUser.EmailMaxLength])
            .Must(e => TextRule.IsOneLine(e) && System.Net.Mail.MailAddress.TryCreate(e, out var a) && a.Address == e!.Trim() && e.Contains('.'))
            .WithMessage(_ => l["Validation.EmailInvalid"]);

    /// <summary>Length counted without runs of spaces; not on the list of common ones, nor made of local words (Core's CommonPasswordValidator).</summary>
    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.PasswordRequired"])
            .Must(p => CommonPasswordValidator.EffectiveLength(p!) >= PasswordMinLength).WithMessage(_ => l["Validation.PasswordTooShort", PasswordMinLength])
            .MaximumLength(PasswordMaxLength).WithMessage(_ => l["Validation.PasswordTooLong", PasswordMaxLength])
            .Must(p => !CommonPasswordValidator.IsCommon(p!)).WithMessage(_ => l["Validation.PasswordCommon"]);

    /// <summary>The password a signed-in person types to confirm it is them; checked against the account by the controller.</summary>
    public static IRuleBuilderOptions<T, string?> CurrentPassword<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.PasswordRequired"])
            .MaximumLength(PasswordMaxLength).WithMessage(_ => l["Validation.PasswordTooLong", PasswordMaxLength]);
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<AccountResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Validation.NameRequired"])
            .MaximumLength(BylabUser.DisplayNameMaxLength).WithMessage(_ => l["Validation.NameTooLong", BylabUser.DisplayNameMaxLength])
            .SingleLine(shared);
        RuleFor(f => f.Email).ValidEmail(l);
        RuleFor(f => f.Password).NewPassword(l)
            .Must((f, p) => !CommonPasswordValidator.IsPersonal(p, f.DisplayName, f.Email)).WithMessage(_ => l["Validation.PasswordPersonal"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => l["Validation.PasswordsDiffer"]);
        RuleFor(f => f.AcceptPrivacy).Equal(true).WithMessage(_ => l["Validation.AcceptPrivacy"]);
    }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<AccountResource> l)
    {
        RuleFor(f => f.Email).ValidEmail(l);
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => l["Validation.PasswordRequired"])
            .MaximumLength(AccountRules.PasswordMaxLength).WithMessage(_ => l["Validation.PasswordTooLong", AccountRules.PasswordMaxLength]);
    }
}

public sealed class EmailFormValidator : AbstractValidator<EmailForm>
{
    public EmailFormValidator(IStringLocalizer<AccountResource> l) => RuleFor(f => f.Email).ValidEmail(l);
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator(IStringLocalizer<AccountResource> l)
    {
        RuleFor(f => f.Email).ValidEmail(l);
        RuleFor(f => f.Token).NotEmpty().WithMessage(_ => l["Validation.LinkInvalid"]).MaximumLength(2000).WithMessage(_ => l["Validation.LinkInvalid"]);
        RuleFor(f => f.Password).NewPassword(l);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => l["Validation.PasswordsDiffer"]);
    }
}

public sealed class TwoFactorLoginFormValidator : AbstractValidator<TwoFactorLoginForm>
{
    public TwoFactorLoginFormValidator(IStringLocalizer<AccountResource> l) =>
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.CodeRequired"])
            .Must(c => c!.Replace(" ", "").Replace("-", "") is { Length: 6 } d && d.All(char.IsAsciiDigit)).WithMessage(_ => l["Validation.CodeFormat"]);
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator(IStringLocalizer<AccountResource> l) =>
        RuleFor(f => f.Code).NotEmpty().WithMessage(_ => l["Validation.CodeRequired"]).MaximumLength(40).WithMessage(_ => l["Validation.CodeFormat"]);
}
