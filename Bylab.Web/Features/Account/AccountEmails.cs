using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Account;

/// <summary>The e-mails about a person's account, written in the language they chose.</summary>
public sealed class AccountEmails(IEmailSender sender, IStringLocalizer<AccountResource> l)
{
    public Task SendConfirmationAsync(BylabUser user, string link) =>
        SendAsync(user, user.Email!, "Mail.Confirm.Subject", "Mail.Confirm.Body", link);

    public Task SendAlreadyRegisteredAsync(BylabUser user, string loginLink) =>
        SendAsync(user, user.Email!, "Mail.AlreadyRegistered.Subject", "Mail.AlreadyRegistered.Body", loginLink);

    public Task SendPasswordResetAsync(BylabUser user, string link) =>
        SendAsync(user, user.Email!, "Mail.Reset.Subject", "Mail.Reset.Body", link);

    public Task SendChangeEmailAsync(BylabUser user, string newEmail, string link) =>
        SendAsync(user, newEmail, "Mail.ChangeEmail.Subject", "Mail.ChangeEmail.Body", link);

    private async Task SendAsync(BylabUser user, string to, string subjectKey, string bodyKey, string link)
    {
        var (subject, body) = CultureSwitch.In(user.PreferredCulture, () => (l[subjectKey].Value, l[bodyKey, Bylab.Core.Common.SingleLineText.Flatten(user.DisplayName), link].Value));
        await sender.SendAsync(new EmailMessage(to, subject, body));
    }
}
