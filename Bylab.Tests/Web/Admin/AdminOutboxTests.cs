using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Admin;

public sealed class AdminOutboxTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task OutboxListsTheMailSentByARegistrationAndShowsItsBody()
    {
        var email = TestData.UniqueEmail("ny");
        using (var visitor = factory.CreateBylabClient())
        {
            await visitor.SubmitAsync("/konto/registrer", new Dictionary<string, string>
            {
                ["DisplayName"] = "Kari <b>Nordmann</b>", ["Email"] = email, ["Password"] = TestData.Password,
                ["ConfirmPassword"] = TestData.Password, ["AcceptPrivacy"] = "true",
            });
        }
        var mail = Assert.Single(await factory.OutboxForAsync(email));
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var list = await client.GetPageAsync($"/admin/utboks?til={Uri.EscapeDataString(email)}");
        var link = Assert.Single(list.QuerySelectorAll("table.ds-table tbody a"));
        Assert.Equal(mail.Subject, link.TextContent);
        Assert.Null(list.QuerySelector(".ds-alert[data-color=info]"));

        var details = await client.GetPageAsync(link.GetAttribute("href")!);
        var body = details.QuerySelector("pre.mail-body")!;
        // The link is there to see where it leads, with its token hidden (OutboxSecrecyTests).
        Assert.Contains(new Uri(BylabClient.FirstLink(mail.TextBody)).GetLeftPart(UriPartial.Path), body.TextContent);
        Assert.Empty(body.Children);
        Assert.Contains(email, details.QuerySelector("dl")!.TextContent);
    }

    [Fact]
    public async Task AttachmentDownloadReturnsTheBytes()
    {
        byte[] content = [0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10];
        var message = new OutboxMessage
        {
            CreatedAt = DateTime.UtcNow,
            To = TestData.UniqueEmail("mottaker"),
            Subject = "Kvittering",
            TextBody = "Se vedlegget.",
            Attachments = [new OutboxAttachment { FileName = "kvittering.pdf", ContentType = "application/pdf", Content = content }],
        };
        await factory.WithDbAsync(async db => { db.OutboxMessages.Add(message); return await db.SaveChangesAsync(); });
        var attachment = message.Attachments[0];
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var details = await client.GetPageAsync($"/admin/utboks/{message.Id}");
        var href = details.QuerySelector("a[download]")!.GetAttribute("href");
        Assert.Equal($"/admin/utboks/{message.Id}/vedlegg/{attachment.Id}", href);

        var response = await client.Http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("kvittering.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);

        // An attachment is only found under its own message.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/admin/utboks/{message.Id + 1000}/vedlegg/{attachment.Id}")).StatusCode);
    }
}

public sealed class AdminOutboxWithSmtpTests(AdminOutboxWithSmtpTests.SmtpFactory factory) : IClassFixture<AdminOutboxWithSmtpTests.SmtpFactory>
{
    public sealed class SmtpFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Bylab:Email:Smtp:Host", "smtp.invalid")];
    }

    [Fact]
    public async Task OutboxSaysItIsNotUsedWhenSmtpIsConfigured()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var page = await client.GetPageAsync("/admin/utboks");
        Assert.Contains("Utboksen er ikke i bruk", page.QuerySelector(".ds-alert[data-color=info]")!.TextContent);
    }
}
