using Bylab.Core.Common;
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
        // Plain text: the e-mail has no HTML part, and Markdown's marks would only be noise. Names and the title are
        // put on one line and the answer's lines are plain lines, whatever is stored (Common.SingleLineText).
        var answer = SingleLineText.FlattenLines(Markdig.Markdown.ToPlainText(answerMarkdown).Trim());
        var title = SingleLineText.Flatten(ideaTitle);
        foreach (var follower in followers)
        {
            var (subject, body) = CultureSwitch.In(follower.PreferredCulture, () => (
                l["Ideas.Mail.Subject", title].Value,
                l["Ideas.Mail.Body", SingleLineText.Flatten(follower.DisplayName), title, l["Ideas.Status." + status].Value, answer, link].Value));
            await sender.SendAsync(new EmailMessage(follower.Email, subject, body), ct);
        }
    }
}
