using Bylab.Core.Email;

namespace Bylab.Tests.Core.Email;

/// <summary>The SMTP writer puts the subject on one header line, whatever the composer gave it.</summary>
public sealed class MailHeaderTests
{
    [Fact]
    public void ASubjectWithLineBreaksAddsNoHeaderAndStaysOneLine()
    {
        var message = new EmailMessage("kari@example.org", "Du er påmeldt: Møte\r\nBcc: alle@example.org\r\n\r\nFalsk tekst", "Hei");

        var mime = SmtpEmailSender.ToMime(message, new EmailOptions());

        using var stream = new MemoryStream();
        var format = MimeKit.FormatOptions.Default.Clone();
        format.NewLineFormat = MimeKit.NewLineFormat.Dos;
        mime.WriteTo(format, stream);
        var raw = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var headers = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain(headers.Split("\r\n"), l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(mime.Bcc);
        Assert.Equal("Du er påmeldt: Møte Bcc: alle@example.org Falsk tekst", mime.Subject);
    }
}
