using System.Text;
using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bylab.Tests.Core.Email;

public sealed class EmailTests
{
    private static readonly EmailAttachment Ics = new("mote.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));

    [Fact]
    public async Task OutboxKeepsMessageWithAttachmentsEvenWhenCallerDoesNotSave()
    {
        await using var core = await CoreHarness.CreateAsync();
        await core.InScopeAsync(async sp =>
        {
            // The caller's own unit of work has an unsaved change; the message is stored regardless, and nothing else is.
            var db = sp.GetRequiredService<Bylab.Core.Data.BylabDbContext>();
            db.Venues.Add(new Bylab.Core.Venue.Venue { Slug = "ikke-lagret", Name = "x", StreetAddress = "x", PostalCode = "x", City = "x", Capacity = 1 });
            await sp.GetRequiredService<OutboxEmailSender>().SendAsync(
                new EmailMessage("kari@test.bylab.no", "Møte i Bylab", "Hei Kari!", "<p>Hei Kari!</p>", [Ics]));
        });

        var message = Assert.Single(await core.WithDbAsync(db => db.OutboxMessages.Include(m => m.Attachments).ToListAsync()));
        Assert.Equal(("kari@test.bylab.no", "Møte i Bylab", "Hei Kari!", "<p>Hei Kari!</p>"), (message.To, message.Subject, message.TextBody, message.HtmlBody));
        Assert.Equal(CoreHarness.Start, message.CreatedAt);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("mote.ics", "text/calendar"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(Ics.Content, attachment.Content);
        Assert.False(await core.WithDbAsync(db => db.Venues.AnyAsync(v => v.Slug == "ikke-lagret")));
    }

    [Fact]
    public void SmtpMessageHasSenderRecipientSubjectBodiesAndAttachment()
    {
        var options = new EmailOptions { From = "bylab@hamar.kommune.no", FromName = "Bylab Hamar" };

        var mime = SmtpEmailSender.ToMime(new EmailMessage("kari@test.bylab.no", "Påmelding til «Hamar mot 2030»", "Velkommen!", "<p>Velkommen!</p>", [Ics]), options);

        var from = Assert.IsType<MailboxAddress>(Assert.Single(mime.From));
        Assert.Equal(("Bylab Hamar", "bylab@hamar.kommune.no"), (from.Name, from.Address));
        Assert.Equal("kari@test.bylab.no", Assert.IsType<MailboxAddress>(Assert.Single(mime.To)).Address);
        Assert.Equal("Påmelding til «Hamar mot 2030»", mime.Subject);
        Assert.Equal("Velkommen!", mime.TextBody!.Trim());
        Assert.Equal("<p>Velkommen!</p>", mime.HtmlBody!.Trim());
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("mote.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(Ics.Content, content.ToArray());
    }

    [Fact]
    public void SmtpMessageWithoutHtmlOrAttachmentsIsPlainText()
    {
        var mime = SmtpEmailSender.ToMime(new EmailMessage("kari@test.bylab.no", "Hei", "Bare tekst"), new EmailOptions());
        Assert.Equal("Bare tekst", mime.TextBody!.Trim());
        Assert.Null(mime.HtmlBody);
        Assert.Empty(mime.Attachments);
    }
}
