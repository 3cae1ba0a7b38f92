using System.Text;
using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bylab.Tests.Core.Email;

/// <summary>The SMTP sender over a real socket, against the in-test SMTP server.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task SmtpSenderDeliversMessageToTheServer()
    {
        await using var server = FakeSmtpServer.Start();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            From = "bylab@hamar.kommune.no",
            FromName = "Bylab Hamar",
            Smtp = new SmtpOptions { Host = server.Host, Port = server.Port, Security = "None" },
        }));
        var ics = new EmailAttachment("mote.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));

        // A line that starts with a dot must survive dot-stuffing; Norwegian letters must survive a server without 8BITMIME.
        await sender.SendAsync(new EmailMessage(
            "kari@test.bylab.no",
            "Påmelding til «Hamar mot 2030»",
            "Hei Kari!\n\n.ikke en slutt\nVi sees på Stortorget.",
            "<p>Hei Kari!</p>",
            [ics]));

        var mail = await server.NextMessageAsync();
        Assert.Equal("bylab@hamar.kommune.no", mail.MailFrom);
        Assert.Equal(["kari@test.bylab.no"], mail.Recipients);
        var message = mail.Message;
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Bylab Hamar", "bylab@hamar.kommune.no"), (from.Name, from.Address));
        Assert.Equal("kari@test.bylab.no", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("Påmelding til «Hamar mot 2030»", message.Subject);
        Assert.Equal("Hei Kari!\n\n.ikke en slutt\nVi sees på Stortorget.", message.TextBody!.Replace("\r\n", "\n").TrimEnd());
        Assert.Equal("<p>Hei Kari!</p>", message.HtmlBody!.Trim());
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("mote.ics", attachment.FileName);
        // The server offered no 8BITMIME, so what crossed the wire was 7-bit.
        Assert.All(mail.Raw, b => Assert.True(b < 128, $"8-bit byte {b} on the wire"));
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task SmtpSenderFailsWhenNoServerListens()
    {
        int port;
        await using (var server = FakeSmtpServer.Start())
        {
            port = server.Port;
        }
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None" },
        }));

        // A message that cannot be delivered is an error the caller sees, not a silent loss.
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => sender.SendAsync(new EmailMessage("kari@test.bylab.no", "Hei", "Hei")));
    }
}
