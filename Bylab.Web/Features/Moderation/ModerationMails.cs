using System.Text;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Bylab.Core.Moderation;
using Bylab.Web.Features.Events;
using Bylab.Web.Features.Ideas;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// The statement of reasons to an author, in the language they chose: which item, what was decided and when, whether
/// automatically or by a moderator, on what ground, what others now see, and how to ask for a review. Links are absolute
/// from <see cref="SiteOptions.PublicUrl"/> (a background round may write the mail, with no request to take a host from).
/// </summary>
public sealed class ModerationMails(IStringLocalizer<ModerationResource> l, IOptions<SiteOptions> site)
    : IModerationMailComposer
{
    public EmailMessage Compose(ModerationMail mail) => CultureSwitch.In(mail.Culture, () => Write(mail));

    private EmailMessage Write(ModerationMail mail)
    {
        var item = l["Mail.Item." + mail.Kind, OneLine(mail.Kind == ContentKind.Comment ? mail.Excerpt : mail.ItemTitle)].Value;
        var when = Display.DateTime(mail.DecidedAt);
        var text = new StringBuilder();
        text.AppendLine(l["Mail.Greeting", OneLine(mail.DisplayName)].Value).AppendLine();
        text.AppendLine(mail.State switch
        {
            ModerationState.Hidden when mail.Automatic => l["Mail.Hidden.Automatic", item, when].Value,
            ModerationState.Hidden => l["Mail.Hidden.ByModerator", item, when].Value,
            ModerationState.Held => l["Mail.Held", item].Value,
            _ => l["Mail.Restored", item, when].Value,
        });
        if (mail.Reason is { } reason)
        {
            text.AppendLine(l["Mail.Ground", l["Reason." + reason].Value].Value);
        }
        if (!string.IsNullOrWhiteSpace(mail.Note))
        {
            text.AppendLine(l["Mail.ModeratorNote", OneLine(mail.Note)].Value);
        }
        if (mail.State != ModerationState.Visible)
        {
            text.AppendLine().AppendLine(l["Mail.WhatIsShown"].Value);
            // The review is asked for on the statement page (once per decision), not by replying to this mail.
            text.AppendLine().AppendLine(l["Mail.Review"].Value + " " + site.Value.Link(StatementController.PathOf(mail.Kind, mail.ItemId)));
        }
        if (Link(mail) is { } link)
        {
            text.AppendLine().AppendLine(l["Mail.Link"].Value + " " + site.Value.Link(link));
        }
        text.AppendLine().Append(l["Mail.Signature"].Value);
        return new EmailMessage(mail.Email, l["Mail.Subject." + mail.State].Value, text.ToString());
    }

    public EmailMessage Compose(PostingBlockMail mail) => CultureSwitch.In(mail.Culture, () =>
    {
        var text = new StringBuilder();
        text.AppendLine(l["Mail.Greeting", OneLine(mail.DisplayName)].Value).AppendLine();
        if (mail.Blocked)
        {
            text.AppendLine(l["Mail.Blocked"].Value);
            text.AppendLine(l["Mail.BlockReason", OneLine(mail.Reason ?? "")].Value);
            if (mail.ContentHidden)
            {
                text.AppendLine(l["Mail.BlockedContentHidden"].Value);
            }
            text.AppendLine().AppendLine(l["Mail.BlockedStillCan"].Value);
        }
        else
        {
            text.AppendLine(l["Mail.Unblocked"].Value);
        }
        text.AppendLine().Append(l["Mail.Signature"].Value);
        return new EmailMessage(mail.Email, l[mail.Blocked ? "Mail.Subject.Blocked" : "Mail.Subject.Unblocked"].Value, text.ToString());
    });

    public EmailMessage Compose(ReviewAnswerMail mail) => CultureSwitch.In(mail.Culture, () =>
    {
        var text = new StringBuilder();
        text.AppendLine(l["Mail.Greeting", OneLine(mail.DisplayName)].Value).AppendLine();
        text.AppendLine(l["Mail.ReviewAnswer." + mail.Outcome].Value);
        text.AppendLine(l["Mail.ModeratorNote", OneLine(mail.Answer ?? "")].Value);
        if (mail.Outcome == ReviewOutcome.Upheld)
        {
            // Only a decision that stands has a statement page; restored content is back on its own page.
            text.AppendLine().AppendLine(l["Mail.Link"].Value + " " + site.Value.Link(StatementController.PathOf(mail.Kind, mail.ItemId)));
        }
        text.AppendLine().Append(l["Mail.Signature"].Value);
        return new EmailMessage(mail.Email, l["Mail.Subject.Review." + mail.Outcome].Value, text.ToString());
    });

    private static string? Link(ModerationMail mail) => mail.Kind switch
    {
        ContentKind.Comment when mail.IdeaSlug is not null => IdeaPaths.Idea(mail.IdeaSlug) + "#kommentar-" + mail.ItemId,
        ContentKind.Idea when mail.IdeaSlug is not null => IdeaPaths.Idea(mail.IdeaSlug),
        ContentKind.Event when mail.EventSlug is not null => EventPaths.Event(mail.EventSlug),
        _ => null,
    };

    private static string OneLine(string text) => SingleLineText.Flatten(text);
}
