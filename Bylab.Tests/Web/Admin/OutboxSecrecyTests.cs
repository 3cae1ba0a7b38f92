using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Organise;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Admin;

/// <summary>
/// Staff may read the development outbox, but never a usable token: the links of confirmation, reset and personal
/// sign-up mails are shown with their secret parts masked, so the outbox is no way into someone else's account.
/// </summary>
public sealed class OutboxSecrecyTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task TheOutboxMasksTheTokensInEveryLink()
    {
        var kari = TestData.UniqueEmail("kari");
        await factory.Users.CreateAsync(email: kari, password: TestData.Password);
        var newcomer = TestData.UniqueEmail("ny");
        using (var visitor = factory.CreateBylabClient())
        {
            await visitor.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = kari });
            await visitor.SubmitAsync("/konto/registrer", new Dictionary<string, string>
            {
                ["DisplayName"] = "Ny Person", ["Email"] = newcomer, ["Password"] = TestData.Password,
                ["ConfirmPassword"] = TestData.Password, ["AcceptPrivacy"] = "true",
            });
        }
        var (eventId, _) = await factory.Events.ForOrganiserAsync(null);
        var guest = await factory.Events.SignUpGuestAsync(eventId, "Gjest Gjestesen");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Bylab.Core.Events.EventNotificationDispatcher>().DeliverForEventAsync(eventId));
        var mails = new[] { Assert.Single(await factory.OutboxForAsync(kari)), Assert.Single(await factory.OutboxForAsync(newcomer)) }
            .Concat(await factory.OutboxForAsync(guest.Email)).ToList();
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _s = staff;

        foreach (var mail in mails)
        {
            var links = System.Text.RegularExpressions.Regex.Matches(mail.TextBody, @"https?://[^\s]+").Select(m => new Uri(m.Value)).ToList();
            var secrets = links.SelectMany(uri =>
                {
                    var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
                    return query.AllKeys.Where(k => k is "token" or "userId").Select(k => query[k]!)
                        .Concat(uri.Segments.Select(s => s.Trim('/')).Where(s => s.Length >= 20));
                })
                .ToList();
            Assert.NotEmpty(secrets);
            var uri = links[0];

            var page = await staff.GetPageAsync($"/admin/utboks/{mail.Id}");
            var shown = page.QuerySelector("pre.mail-body")!.TextContent;
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, shown);
                Assert.DoesNotContain(Uri.EscapeDataString(secret), shown);
            }
            Assert.Contains(uri.GetLeftPart(UriPartial.Authority), shown);
            Assert.Contains("•", shown);
        }
        Assert.Contains(guest.ManageToken, string.Concat(mails.Select(m => m.TextBody)));
    }
}
