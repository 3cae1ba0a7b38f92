using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Ideas;

/// <summary>Tells the followers of an idea about the municipality's answer, each in the language they chose.</summary>
public sealed class AnswerEmails(IEmailSender sender, IStringLocalizer<AdminResource> l)
{
    public async Task SendAsync(IReadOnlyList<FollowerToNotify> followers, string ideaTitle, IdeaStatus status, string answerMarkdown,
        string link, CancellationToken ct = default)
    {
        // Plain text: the e-mail has no HTML part, and Markdown's marks would only be noise.
        var answer = Markdig.Markdown.ToPlainText(answerMarkdown).Trim();
        foreach (var follower in followers)
        {
            var (subject, body) = CultureSwitch.In(follower.PreferredCulture, () => (
                l["Ideas.Mail.Subject", ideaTitle].Value,
                l["Ideas.Mail.Body", follower.DisplayName, ideaTitle, l["Ideas.Status." + status].Value, answer, link].Value));
            await sender.SendAsync(new EmailMessage(follower.Email, subject, body), ct);
        }
    }
}
