using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Web.Areas.Admin.Ideas;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// The writers of the municipality's mails put every name and title on its own line, whatever is stored: a name with
/// line breaks (typed before the forms refused it, or written by a path that forgot the rule) cannot add lines or
/// links of its own to the text part, nor a header.
/// </summary>
public sealed class MailTextSafetyTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string Hostile = "Kari\r\n\r\nKlikk her for å beholde kontoen: https://evil.example/\r\nBcc: alle@example.org";

    private static void AssertNoInjectedLines(OutboxMessage mail)
    {
        var lines = mail.TextBody.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("Klikk her", StringComparison.Ordinal) || l.StartsWith("Bcc:", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain("<br>Klikk", mail.HtmlBody ?? "");
    }

    [Fact]
    public async Task EventMailsKeepNamesTitlesAndOrganisersOnTheirLines()
    {
        var ev = await factory.Events.WorkshopAsync(e =>
        {
            e.Title = "Møte\r\nKlikk her: https://evil.example/";
            e.OrganiserName = Hostile;
            e.LocationKind = EventLocationKind.Elsewhere;
            e.VenueId = null;
            e.PlaceName = "Hamar\nKlikk her";
            e.Status = EventStatus.Cancelled;
            e.CancellationMessage = "Beklager.\nKlikk her\u0000: https://evil.example/";
        });
        var r = new Registration { Id = 1, Name = Hostile, Email = "kari@example.org", Culture = "nb", Status = RegistrationStatus.Cancelled, ManageToken = "tok", CheckInCode = "ABCDEFGH" };
        using var scope = factory.Services.CreateScope();
        var composer = scope.ServiceProvider.GetRequiredService<IEventMailComposer>();

        foreach (var kind in Enum.GetValues<EventNotificationKind>())
        {
            var mail = composer.Compose(kind, ev, r, null);
            var lines = mail.TextBody.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            // The organiser's own message keeps its line breaks, but each of its lines is plain text.
            Assert.DoesNotContain(lines, l => l.StartsWith("Bcc:", StringComparison.Ordinal) || l.StartsWith("Klikk her for", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l == "Klikk her: https://evil.example/" || l == "Klikk her");
            Assert.DoesNotContain('\u0000', mail.TextBody);
            Assert.DoesNotContain('\n', mail.Subject);
        }
    }

    [Fact]
    public async Task AccountMailGreetsAStoredMultiLineNameOnOneLine()
    {
        var email = TestData.UniqueEmail();
        var user = await factory.Users.CreateAsync(email: email, password: TestData.Password);
        await factory.WithDbAsync(async db =>
        {
            // Stored before the rule existed: written straight to the table.
            db.Users.Single(u => u.Id == user.Id).DisplayName = Hostile;
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoInjectedLines(Assert.Single(await factory.OutboxForAsync(email)));
    }

    [Fact]
    public async Task AnswerMailKeepsTheFollowersNameAndTheTitleOnTheirLines()
    {
        var email = TestData.UniqueEmail("folger");
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnswerEmails>().SendAsync(
                [new FollowerToNotify("id", email, Hostile, "nb")], "Benker\r\nBcc: alle@example.org", IdeaStatus.Accepted,
                "Vi setter opp benker.\n\nHilsen kommunen", "http://localhost/ideer/benker-1");
        }
        AssertNoInjectedLines(Assert.Single(await factory.OutboxForAsync(email)));
    }
}
