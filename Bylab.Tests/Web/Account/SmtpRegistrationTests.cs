using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Account;

/// <summary>With an SMTP host configured, the app's mail goes through SMTP and the development outbox stays empty.</summary>
public sealed class SmtpRegistrationTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = FakeSmtpServer.Start();
    private SmtpFactory _factory = default!;

    private sealed class SmtpFactory(int port) : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Bylab:Email:Smtp:Host", "127.0.0.1"),
            new("Bylab:Email:Smtp:Port", port.ToString()),
            new("Bylab:Email:Smtp:Security", "None"),
        ];
    }

    public Task InitializeAsync()
    {
        _factory = new SmtpFactory(_smtp.Port);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RegistrationConfirmationIsDeliveredThroughSmtp()
    {
        using var client = _factory.CreateBylabClient();
        var email = TestData.UniqueEmail("smtp");

        var registered = await client.SubmitAsync("/konto/registrer", new Dictionary<string, string>
        {
            ["DisplayName"] = "Kari Nordmann",
            ["Email"] = email,
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
            ["AcceptPrivacy"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var mail = await _smtp.NextMessageAsync();
        Assert.Equal([email], mail.Recipients);
        Assert.Equal(email, Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("Bekreft e-postadressen din hos Bylab Hamar", mail.Message.Subject);
        Assert.StartsWith("Hei Kari Nordmann!", mail.Message.TextBody);
        Assert.Empty(await _factory.WithDbAsync(db => db.OutboxMessages.ToListAsync()));

        // The link in the delivered message works: the account is confirmed and can log in.
        var link = new Uri(BylabClient.FirstLink(mail.Message.TextBody!));
        Assert.Equal("/konto/bekreft", link.AbsolutePath);
        var confirmed = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await client.LogInAsync(email, TestData.Password);
        Assert.Single(_smtp.Received);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
