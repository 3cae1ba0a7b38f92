using System.Text;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Bylab.Core.Moderation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// The moderators' digest in the moderator's language: how many new reports and held items since the last digest, how
/// many items wait in the queue, and the link to it (absolute from <see cref="SiteOptions.PublicUrl"/>: a background round
/// writes it). Counts only: no texts or names of the people involved leave the admin area by mail.
/// </summary>
public sealed class ModeratorDigestMails(IStringLocalizer<ModerationResource> l, IOptions<SiteOptions> site) : IModeratorDigestComposer
{
    public EmailMessage Compose(ModeratorDigestMail mail) => CultureSwitch.In(mail.Culture, () =>
    {
        var text = new StringBuilder();
        text.AppendLine(l["Mail.Greeting", SingleLineText.Flatten(mail.DisplayName)].Value).AppendLine();
        text.AppendLine(mail.Since is { } since ? l["Digest.Since", Display.DateTime(since)].Value : l["Digest.First"].Value);
        text.AppendLine(l["Digest.NewReports", mail.NewReports].Value);
        text.AppendLine(l["Digest.NewHeld", mail.NewHeld].Value);
        text.AppendLine(l["Digest.Waiting", mail.ItemsWaiting].Value).AppendLine();
        text.AppendLine(l["Digest.Link"].Value + " " + site.Value.Link("/admin/moderering"));
        text.AppendLine().Append(l["Mail.Signature"].Value);
        return new EmailMessage(mail.Email, l["Digest.Subject", mail.NewReports + mail.NewHeld].Value, text.ToString());
    });
}
