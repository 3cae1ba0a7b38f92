using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bylab.Core.Email;

/// <summary>Sends through a real SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        using var smtp = new SmtpClient();
        var security = Enum.Parse<SecureSocketOptions>(o.Smtp.Security, ignoreCase: true);
        await smtp.ConnectAsync(o.Smtp.Host!, o.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.Smtp.UserName))
        {
            await smtp.AuthenticateAsync(o.Smtp.UserName, o.Smtp.Password!, cancellationToken);
        }
        await smtp.SendAsync(ToMime(message, o), cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static MimeMessage ToMime(EmailMessage message, EmailOptions o)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        // One header line whatever the composer gave: MimeKit would otherwise carry the line breaks into the subject.
        mime.Subject = Common.SingleLineText.Flatten(message.Subject);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments ?? [])
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
