using Bylab.Core.Accounts;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Account;

/// <summary>
/// The e-mails about a person's account, written in the language they chose and sent after the answer
/// (<see cref="MailQueue"/>): a form answers in the same time whether a mail goes out or not. Links are absolute,
/// from <see cref="PublicUrls"/>; the name in the greeting is put on one line whatever is stored.
/// </summary>
public sealed class AccountEmails(MailQueue queue, PublicUrls urls, IStringLocalizer<AccountResource> l)
{
    public void QueueConfirmation(BylabUser user, string userId, string token) =>
        Queue(user, user.Email!, "Mail.Confirm", urls.Action(nameof(RegistrationController.Confirm), "Registration", new { userId, token }));

    public void QueueAlreadyRegistered(BylabUser user) =>
        Queue(user, user.Email!, "Mail.AlreadyRegistered", urls.Action(nameof(LoginController.Login), "Login"));

    public void QueuePasswordReset(BylabUser user, string token) =>
        Queue(user, user.Email!, "Mail.Reset", urls.Action(nameof(PasswordController.Reset), "Password", new { email = user.Email, token }));

    public void QueueChangeEmail(BylabUser user, string newEmail, string token) =>
        Queue(user, newEmail, "Mail.ChangeEmail", urls.Action(nameof(Profile.CredentialsController.ConfirmEmail), "Credentials", new { email = newEmail, token }));

    /// <summary>The link an admin sends so that a staff account can set up its first authenticator.</summary>
    public void QueueTwoFactorEnrolment(BylabUser user, string token) =>
        Queue(user, user.Email!, "Mail.Enrolment", urls.Absolute(TwoFactorEnrolments.LinkPath(token)));

    private void Queue(BylabUser user, string to, string key, string link)
    {
        var (subject, body) = CultureSwitch.In(user.PreferredCulture, () =>
            (l[key + ".Subject"].Value, l[key + ".Body", SingleLineText.Flatten(user.DisplayName), link].Value));
        queue.Enqueue(new EmailMessage(to, subject, body));
    }
}
