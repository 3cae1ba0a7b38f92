using System.Text;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Web;
using Microsoft.Extensions.DependencyInjection;
using Calendar = Ical.Net.Calendar;
using EventStatus = Bylab.Core.Events.EventStatus;

namespace Bylab.Tests.Web.Events;

public sealed class EventMailTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private Task<Registration> RegistrationAsync(int eventId, RegistrationStatus status, string email, string culture = "nb", int companions = 0) =>
        factory.Events.RegistrationAsync(eventId, status, companions, "Øystein Ås", email, culture: culture);

    private async Task<OutboxMessage> MailAsync(string email) => Assert.Single(await factory.OutboxForAsync(email));

    private static Calendar Ics(OutboxMessage mail, string contentType)
    {
        var attachment = Assert.Single(mail.Attachments, a => a.FileName.EndsWith(".ics"));
        Assert.Equal(contentType, attachment.ContentType);
        var text = Encoding.UTF8.GetString(attachment.Content);
        // Composed in the participant's language, yet the file is plain RFC 5545 (no Norwegian minus sign in the time zone rules).
        Assert.Contains("BYDAY=-1SU", text);
        return Calendar.Load(text)!;
    }

    [Fact]
    public async Task ConfirmationCarriesTheIcsTheQrCodeTheCodeAndThePersonalLink()
    {
        var ev = await factory.Events.WorkshopAsync(e => e.Sequence = 1);
        var email = TestData.UniqueEmail();
        var r = await RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, email, companions: 2);

        await factory.Events.NotifyAsync(r.Id, EventNotificationKind.Confirmed);

        var mail = await MailAsync(email);
        Assert.Equal("Du er påmeldt: " + ev.Title, mail.Subject);
        Assert.Contains("Hei Øystein Ås,", mail.TextBody);
        Assert.Contains(ev.Title, mail.TextBody);
        Assert.Contains("Sted: Bylab Hamar, Torggata 1, 2317 Hamar", mail.TextBody);
        Assert.Contains("Tid: " + CultureSwitchIn("nb", () => Display.DateTime(ev.StartsAt)), mail.TextBody);
        Assert.Contains("http://localhost/pamelding/" + r.ManageToken, mail.TextBody);
        Assert.Contains(r.CheckInCode, mail.TextBody);
        Assert.Contains("Plasser (deg og dem du har med): 3", mail.TextBody);
        Assert.Contains("href=\"http://localhost/pamelding/" + r.ManageToken + "\"", mail.HtmlBody);

        var calendar = Ics(mail, "text/calendar; method=PUBLISH; charset=utf-8");
        Assert.Equal("PUBLISH", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal((EventCalendar.Uid(ev.Id), 1), (item.Uid, item.Sequence));
        Assert.Equal(ev.StartsAt, item.DtStart!.AsUtc);

        var qr = Assert.Single(mail.Attachments, a => a.ContentType == "image/png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, qr.Content[..4]);
        Assert.Equal(Bylab.Web.Features.Events.CheckInQr.Png("http://localhost/arrangor/innsjekk/" + r.CheckInCode), qr.Content);
    }

    [Fact]
    public async Task MailIsWrittenInTheParticipantsLanguage()
    {
        var ev = await factory.Events.WorkshopAsync();
        var nn = TestData.UniqueEmail("nn");
        var en = TestData.UniqueEmail("en");
        var rNn = await RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, nn, culture: "nn");
        var rEn = await RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, en, culture: "en");

        await factory.Events.NotifyAsync(rNn.Id, EventNotificationKind.Reminder);
        await factory.Events.NotifyAsync(rEn.Id, EventNotificationKind.Reminder);

        var nynorsk = await MailAsync(nn);
        Assert.Equal("Påminning: " + ev.Title, nynorsk.Subject);
        Assert.Contains("Stad: ", nynorsk.TextBody);
        Assert.Contains("Velkomen!", nynorsk.TextBody);
        Assert.Contains("<html lang=\"nn\">", nynorsk.HtmlBody);
        Assert.Contains("kl.", nynorsk.TextBody);
        var english = await MailAsync(en);
        Assert.Equal("Reminder: " + ev.Title, english.Subject);
        Assert.Contains("When: " + CultureSwitchIn("en", () => Display.DateTime(ev.StartsAt)), english.TextBody);
        Assert.DoesNotContain("kl.", english.TextBody);
        Assert.Equal(2, english.Attachments.Count);
    }

    [Fact]
    public async Task GuestsGetTheConfirmLinkAndHowLongItLasts()
    {
        var ev = await factory.Events.WorkshopAsync();
        var email = TestData.UniqueEmail("gjest");
        var r = await RegistrationAsync(ev.Id, RegistrationStatus.Unconfirmed, email);

        await factory.Events.NotifyAsync(r.Id, EventNotificationKind.ConfirmEmail);

        var mail = await MailAsync(email);
        Assert.Equal("Bekreft påmeldingen: " + ev.Title, mail.Subject);
        Assert.Contains("http://localhost/pamelding/" + r.ManageToken, mail.TextBody);
        Assert.Contains("innen 48 timer", mail.TextBody);
        Assert.DoesNotContain(r.CheckInCode, mail.TextBody);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task WaitlistedMailTellsThePlaceInTheQueue()
    {
        var ev = await factory.Events.WorkshopAsync();
        await RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, TestData.UniqueEmail());
        var email = TestData.UniqueEmail();
        var r = await RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, email);

        await factory.Events.NotifyAsync(r.Id, EventNotificationKind.Waitlisted);

        var mail = await MailAsync(email);
        Assert.Contains("nummer 2 på ventelisten", mail.TextBody);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task TheOnlineLinkIsSentOnlyToThoseWithAPlace()
    {
        var ev = await factory.Events.WorkshopAsync(e =>
        {
            e.LocationKind = EventLocationKind.Online;
            e.VenueId = null;
            e.OnlineUrl = "https://meet.example.org/foredrag?id=1&pwd=<x>";
        });
        var promoted = TestData.UniqueEmail();
        var waiting = TestData.UniqueEmail();
        var rPromoted = await RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, promoted);
        var rWaiting = await RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, waiting);

        await factory.Events.NotifyAsync(rPromoted.Id, EventNotificationKind.Promoted);
        await factory.Events.NotifyAsync(rWaiting.Id, EventNotificationKind.Waitlisted);

        var mail = await MailAsync(promoted);
        Assert.Contains("https://meet.example.org/foredrag?id=1&pwd=<x>", mail.TextBody);
        Assert.Contains("Sted: Digitalt", mail.TextBody);
        // Encoded in HTML: no raw markup from a value ever reaches the HTML part.
        Assert.DoesNotContain("<x>", mail.HtmlBody);
        Assert.Contains("Digitalt", Ics(mail, "text/calendar; method=PUBLISH; charset=utf-8").Events[0]!.Location);
        Assert.DoesNotContain("meet.example.org", (await MailAsync(waiting)).TextBody);
    }

    [Fact]
    public async Task AChangeSendsTheUpdatedIcsToThoseWithAPlaceAndThePositionToThoseWaiting()
    {
        var ev = await factory.Events.WorkshopAsync(e => e.Sequence = 5);
        var placed = TestData.UniqueEmail();
        var waiting = TestData.UniqueEmail();
        var rPlaced = await RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, placed);
        var rWaiting = await RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, waiting);

        await factory.Events.NotifyAsync(rPlaced.Id, EventNotificationKind.EventChanged);
        await factory.Events.NotifyAsync(rWaiting.Id, EventNotificationKind.EventChanged);

        var toPlaced = await MailAsync(placed);
        Assert.Equal("Ny tid eller nytt sted: " + ev.Title, toPlaced.Subject);
        Assert.Equal(5, Ics(toPlaced, "text/calendar; method=PUBLISH; charset=utf-8").Events[0]!.Sequence);
        Assert.Contains(rPlaced.CheckInCode, toPlaced.TextBody);
        var toWaiting = await MailAsync(waiting);
        Assert.Contains("fortsatt som nummer 1 på ventelisten", toWaiting.TextBody);
        Assert.Empty(toWaiting.Attachments);
        Assert.DoesNotContain(rWaiting.CheckInCode, toWaiting.TextBody);
    }

    [Fact]
    public async Task ACancelledEventSendsTheMessageAndACancellingIcs()
    {
        var ev = await factory.Events.WorkshopAsync(e =>
        {
            e.Status = EventStatus.Cancelled;
            e.CancelledAt = DateTime.UtcNow;
            e.CancellationMessage = "Foredragsholderen er syk. <b>Vi</b> setter opp en ny dato.";
            e.Sequence = 4;
        });
        var email = TestData.UniqueEmail();
        var r = await RegistrationAsync(ev.Id, RegistrationStatus.Cancelled, email);

        await factory.Events.NotifyAsync(r.Id, EventNotificationKind.EventCancelled);

        var mail = await MailAsync(email);
        Assert.Equal("Avlyst: " + ev.Title, mail.Subject);
        Assert.Contains("Foredragsholderen er syk. <b>Vi</b> setter opp en ny dato.", mail.TextBody);
        Assert.DoesNotContain("<b>", mail.HtmlBody);
        Assert.Contains("&lt;b&gt;", mail.HtmlBody);
        var calendar = Ics(mail, "text/calendar; method=CANCEL; charset=utf-8");
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(("CANCELLED", 4), (calendar.Events[0]!.Status, calendar.Events[0]!.Sequence));
        Assert.DoesNotContain(mail.Attachments, a => a.ContentType == "image/png");
    }

    [Fact]
    public async Task EveryKindOfMailIsWrittenInEveryLanguage()
    {
        var ev = await factory.Events.WorkshopAsync();
        var composer = new Bylab.Web.Features.Events.EventMails(
            (Microsoft.Extensions.Localization.IStringLocalizer<Bylab.Web.Features.Events.EventsResource>)
                factory.Services.GetService(typeof(Microsoft.Extensions.Localization.IStringLocalizer<Bylab.Web.Features.Events.EventsResource>))!,
            Microsoft.Extensions.Options.Options.Create(new Bylab.Core.Common.SiteOptions { PublicUrl = "https://bylab.example" }),
            Microsoft.Extensions.Options.Options.Create(new EventOptions()),
            Microsoft.Extensions.Options.Options.Create(new EmailOptions()),
            TimeProvider.System);
        foreach (var culture in new[] { "nb", "nn", "en" })
        {
            foreach (var kind in Enum.GetValues<EventNotificationKind>())
            {
                var status = kind switch
                {
                    EventNotificationKind.ConfirmEmail => RegistrationStatus.Unconfirmed,
                    EventNotificationKind.Waitlisted => RegistrationStatus.Waitlisted,
                    EventNotificationKind.Cancelled or EventNotificationKind.EventCancelled => RegistrationStatus.Cancelled,
                    _ => RegistrationStatus.Confirmed,
                };
                var r = new Registration { Id = 1, Name = "Kari", Email = "kari@example.org", Culture = culture, Status = status, ManageToken = "tok", CheckInCode = "ABCDEFGH" };
                var mail = composer.Compose(kind, ev, r, status == RegistrationStatus.Waitlisted ? 3 : null);
                // A missing text would show as its key.
                Assert.DoesNotContain("Mail.", mail.Subject + mail.TextBody);
                Assert.Contains(ev.Title, mail.Subject);
                Assert.Contains("https://bylab.example/", mail.TextBody);
            }
        }
    }

    [Fact]
    public void TheWebHostRunsTheBackgroundServiceAndComposesWithItsTexts()
    {
        var hosted = (IEnumerable<Microsoft.Extensions.Hosting.IHostedService>)factory.Services.GetService(typeof(IEnumerable<Microsoft.Extensions.Hosting.IHostedService>))!;
        Assert.Single(hosted.OfType<EventsBackgroundService>());
        using var scope = factory.Services.CreateScope();
        Assert.IsType<Bylab.Web.Features.Events.EventMails>(scope.ServiceProvider.GetService(typeof(IEventMailComposer)));
    }

    private static T CultureSwitchIn<T>(string culture, Func<T> work) => Bylab.Web.CultureSwitch.In(culture, work);
}
