using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Events;

/// <summary>The public event pages over HTTP, as a browser without JavaScript uses them.</summary>
public sealed partial class EventPagesTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    /// <summary>A theme of its own: every test of the class shares the host's database.</summary>
    private Task<TestTheme> ThemeAsync(string title) => factory.Ideas.ThemeAsync(TestData.Unique(title));

    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static Dictionary<string, string> Guest(string name, string email) => new()
    {
        ["Name"] = name,
        ["Email"] = email,
        ["Consent"] = "true",
    };

    private async Task<(BylabClient Client, string Email)> CitizenAsync(string prefix = "innbygger")
    {
        var email = TestData.UniqueEmail(prefix);
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, email);
    }

    /// <summary>The personal link in the newest event mail to the address.</summary>
    private async Task<string> PersonalLinkFromMailAsync(string email)
    {
        var mail = (await factory.OutboxForAsync(email)).Last();
        var match = PersonalLink().Match(mail.TextBody);
        Assert.True(match.Success, "No personal link in: " + mail.TextBody);
        return match.Value;
    }

    [GeneratedRegex(@"/pamelding/[A-Za-z0-9_-]{43}")]
    private static partial Regex PersonalLink();

    [Fact]
    public async Task ProgrammeShowsPublishedAndCancelledEventsWithTheirPlacesButNeverDrafts()
    {
        var theme = await ThemeAsync("Byutvikling");
        var open = await factory.Events.AtBylabAsync("Åpent møte om Hamar mot 2030", e => { e.ThemeId = theme.Id; e.Capacity = 30; });
        var online = await factory.Events.AtBylabAsync("Digitalt foredrag om smarte samfunn", e =>
        {
            e.ThemeId = theme.Id;
            e.LocationKind = EventLocationKind.Online;
            e.VenueId = null;
            e.OnlineUrl = "https://example.org/hemmelig-mote";
            e.StartsAt = e.StartsAt.AddDays(1);
            e.EndsAt = e.StartsAt.AddHours(1);
        });
        await factory.Events.AtBylabAsync("Avlyst verksted", e =>
        {
            e.ThemeId = theme.Id;
            e.Status = EventStatus.Cancelled;
            e.CancelledAt = DateTime.UtcNow;
            e.StartsAt = e.StartsAt.AddDays(2);
            e.EndsAt = e.StartsAt.AddHours(2);
        });
        var draft = await factory.Events.AtBylabAsync("Hemmelig utkast", e => { e.ThemeId = theme.Id; e.Status = EventStatus.Draft; e.PublishedAt = null; });
        await factory.Events.AtBylabAsync("Over for lengst", e => { e.ThemeId = theme.Id; e.StartsAt = DateTime.UtcNow.AddDays(-3); e.EndsAt = e.StartsAt.AddHours(2); });
        using var anonymous = factory.CreateBylabClient();

        var page = await anonymous.GetPageAsync($"/arrangementer?tema={theme.Slug}");
        var titles = page.QuerySelectorAll(".event-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Åpent møte om Hamar mot 2030", "Digitalt foredrag om smarte samfunn", "Avlyst verksted"], titles);
        Assert.DoesNotContain("Hemmelig utkast", Text(page));
        Assert.DoesNotContain("Over for lengst", Text(page));

        var openCard = page.QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains(open.Title));
        Assert.Contains("30 ledige plasser", openCard.TextContent);
        Assert.Contains("Bylab Hamar", openCard.TextContent);
        Assert.Contains("Hamar kommune", openCard.TextContent);
        var start = OsloTime.ToOslo(open.StartsAt);
        Assert.Contains($"kl. {start:HH:mm}–{start.AddHours(2):HH:mm}", openCard.TextContent);
        var onlineCard = page.QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains(online.Title));
        Assert.Contains("Digitalt", onlineCard.TextContent);
        Assert.DoesNotContain("hemmelig-mote", page.DocumentElement.OuterHtml);
        Assert.Contains("Avlyst", page.QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains("Avlyst verksted")).TextContent);

        Assert.Equal($"/arrangementer/kalender.ics?tema={theme.Slug}",
            page.QuerySelectorAll(".event-subscribe a").Select(a => a.GetAttribute("href")).Last());
        Assert.Equal("/arrangementer/kalender.ics", page.QuerySelector(".event-subscribe a")!.GetAttribute("href"));

        var home = await anonymous.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("nav.site-nav a[href='/arrangementer']"));
        Assert.NotNull(home.QuerySelector("main a[href='/arrangementer']"));

        await anonymous.GetPageAsync($"/arrangementer/{draft.Slug}", HttpStatusCode.NotFound);
        await anonymous.GetPageAsync("/arrangementer/finnes-ikke", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProgrammeFiltersByThemeAndAudienceAndPages()
    {
        var theme = await ThemeAsync("Ungdom og by");
        var other = await ThemeAsync("Klima");
        await factory.Events.AtBylabAsync("Ungdomsrådets møte", e => { e.ThemeId = theme.Id; e.Audience = EventAudience.Youth; });
        await factory.Events.AtBylabAsync("Byvandring for seniorer", e => { e.ThemeId = theme.Id; e.Audience = EventAudience.Seniors; });
        await factory.Events.AtBylabAsync("Klimaverksted", e => { e.ThemeId = other.Id; e.Audience = EventAudience.Youth; });
        using var anonymous = factory.CreateBylabClient();

        var byTheme = Text(await anonymous.GetPageAsync($"/arrangementer?tema={theme.Slug}"));
        Assert.Contains("Ungdomsrådets møte", byTheme);
        Assert.Contains("Byvandring for seniorer", byTheme);
        Assert.DoesNotContain("Klimaverksted", byTheme);
        Assert.Contains("2 arrangementer", byTheme);

        var both = await anonymous.GetPageAsync($"/arrangementer?tema={theme.Slug}&publikum=youth");
        Assert.Contains("Ungdomsrådets møte", Text(both));
        Assert.DoesNotContain("Byvandring for seniorer", Text(both));
        Assert.Equal("youth", both.QuerySelector<IHtmlSelectElement>("#publikum")!.Value);
        Assert.Contains("For hvem: Ungdom", both.QuerySelector(".active-filters")!.TextContent);

        // Unknown values are ignored, not refused.
        await anonymous.GetPageAsync("/arrangementer?tema=finnes-ikke&publikum=romvesener&side=-4");

        // Another page keeps the filters.
        for (var i = 0; i < 21; i++)
        {
            await factory.Events.AtBylabAsync($"Verksted nummer {i}", e => { e.ThemeId = other.Id; e.StartsAt = e.StartsAt.AddDays(10 + i); e.EndsAt = e.StartsAt.AddHours(1); });
        }
        var first = await anonymous.GetPageAsync($"/arrangementer?tema={other.Slug}");
        Assert.Equal(20, first.QuerySelectorAll(".event-card").Length);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/arrangementer?tema={other.Slug}&side=2#arrangementer", next);
        Assert.Equal(2, (await anonymous.GetPageAsync(next.Split('#')[0])).QuerySelectorAll(".event-card").Length);
    }

    [Fact]
    public async Task MonthViewIsATableWithTheEventsOnTheirOsloDays()
    {
        var theme = await ThemeAsync("Kalender");
        // 23:30 in Oslo on the 14th of next month is still the 14th, whatever UTC says.
        // Next month from Oslo's today: between midnight in Oslo and midnight UTC on a month's last day they differ.
        var month = OsloTime.ToOslo(DateTime.UtcNow).AddMonths(1);
        var lateStart = OsloTime.ToUtc(new DateTime(month.Year, month.Month, 14, 23, 30, 0))!.Value;
        var late = await factory.Events.AtBylabAsync("Sen kveld i Bylab", e => { e.ThemeId = theme.Id; e.StartsAt = lateStart; e.EndsAt = lateStart.AddHours(1); });
        using var anonymous = factory.CreateBylabClient();

        var page = await anonymous.GetPageAsync($"/arrangementer/kalender?ar={month.Year}&maned={month.Month}&tema={theme.Slug}");
        var table = page.QuerySelector("table.month-calendar")!;
        Assert.Contains(month.Year.ToString(), table.QuerySelector("caption")!.TextContent);
        var headers = table.QuerySelectorAll("thead th").Select(th => th.QuerySelector("abbr")!.GetAttribute("title")).ToList();
        Assert.Equal(["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"], headers);
        var cell = table.QuerySelectorAll("td").Single(td => td.QuerySelector("a[href]") is not null);
        Assert.Equal("14", cell.QuerySelector(".month-calendar__short")!.TextContent.Trim());
        Assert.Equal($"/arrangementer/{late.Slug}", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("23:30 Sen kveld i Bylab", cell.QuerySelector("a")!.TextContent);

        var previous = page.QuerySelector(".month-nav a[rel=prev]")!.GetAttribute("href")!;
        Assert.Contains($"tema={theme.Slug}", previous);
        var thisMonth = await anonymous.GetPageAsync(previous);
        Assert.Empty(thisMonth.QuerySelectorAll("table.month-calendar a"));
        var today = DateOnly.FromDateTime(OsloTime.ToOslo(DateTime.UtcNow));
        Assert.Equal(today.Day.ToString(), thisMonth.QuerySelector("td[aria-current=date] .month-calendar__short")!.TextContent.Trim());

        // Nonsense months fall back to this month.
        var fallback = await anonymous.GetPageAsync("/arrangementer/kalender?ar=99999&maned=13");
        Assert.NotNull(fallback.QuerySelector("td[aria-current=date]"));
    }

    [Fact]
    public async Task GuestSignsUpConfirmsByTheMailedLinkAndCancelsOnce()
    {
        var ev = await factory.Events.AtBylabAsync("Verksted om sentrum med Dark Arkitekter", e =>
        {
            e.MaxCompanions = 2;
            e.AskNeeds = true;
            e.Question = "Hva vil du snakke om?";
        });
        var email = TestData.UniqueEmail("gjest");
        using var guest = factory.CreateBylabClient();

        var form = await guest.GetPageAsync($"/arrangementer/{ev.Slug}");
        Assert.Contains("slettes 30 dager etter arrangementet", Text(form));
        var values = Guest("Kari Nordmann", email);
        values["Companions"] = "1";
        values["Needs"] = "Glutenfritt";
        values["Answer"] = "Torget";
        var posted = await guest.SubmitAsync(form, values, "#pamelding form");
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal($"/arrangementer/{ev.Slug}/sjekk-e-post", posted.Headers.Location!.ToString());
        var check = await guest.GetPageAsync(posted.Headers.Location.ToString());
        Assert.Contains("48 timer", Text(check));
        Assert.Equal(RegistrationStatus.Unconfirmed, Assert.Single(await factory.Events.RegistrationsOfAsync(ev.Id)).Status);

        // The link in the mail opens the personal page; only the button confirms (a mail scanner's GET changes nothing).
        var link = await PersonalLinkFromMailAsync(email);
        var personal = await guest.GetPageAsync(link);
        Assert.Equal("no-referrer", (await guest.Http.GetAsync(link)).Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("noindex, nofollow", personal.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("Ikke bekreftet", Text(personal));
        Assert.Equal(RegistrationStatus.Unconfirmed, Assert.Single(await factory.Events.RegistrationsOfAsync(ev.Id)).Status);

        var confirmed = await guest.SubmitAsync(personal, new Dictionary<string, string>(), $"form[action='{link}/bekreft']");
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        personal = await guest.GetPageAsync(link);
        Assert.Contains("Takk! Påmeldingen er bekreftet, og du har plass.", Text(personal));
        var registration = Assert.Single(await factory.Events.RegistrationsOfAsync(ev.Id));
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Contains(registration.CheckInCode[..4], personal.QuerySelector(".checkin-code")!.TextContent);
        Assert.Equal($"{link}/qr.png", personal.QuerySelector("img.qr")!.GetAttribute("src"));
        Assert.Contains(registration.CheckInCode, personal.QuerySelector("img.qr")!.GetAttribute("alt"));
        Assert.Contains("Glutenfritt", Text(personal));
        Assert.Contains("Hva vil du snakke om?", Text(personal));

        var cancelled = await guest.SubmitAsync(personal, new Dictionary<string, string>(), $"form[action='{link}/avmeld']");
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
        personal = await guest.GetPageAsync(link);
        Assert.Contains("Du er meldt av.", Text(personal));
        Assert.Contains("Avmeldt", Text(personal));
        Assert.Null(personal.QuerySelector($"form[action='{link}/avmeld']"));

        // The same cancel link used again says so, and changes nothing.
        var again = await guest.PostRawAsync(link + "/avmeld", [new("__RequestVerificationToken", BylabClient.TokenFrom(await guest.GetPageAsync("/arrangementer")))]);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Contains("Påmeldingen er allerede avmeldt.", Text(await guest.GetPageAsync(link)));

        // A guessed token is a plain 404, on every route.
        var guessed = "/pamelding/" + new string('A', 43);
        await guest.GetPageAsync(guessed, HttpStatusCode.NotFound);
        await guest.GetPageAsync("/pamelding/kort", HttpStatusCode.NotFound);
        var token = BylabClient.TokenFrom(await guest.GetPageAsync("/arrangementer"));
        Assert.Equal(HttpStatusCode.NotFound, (await guest.PostRawAsync(guessed + "/avmeld", [new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.PostRawAsync(guessed + "/bekreft", [new("__RequestVerificationToken", token)])).StatusCode);
    }

    [Fact]
    public async Task CitizenSignsUpWithTheAccountAndFindsItOnMinSide()
    {
        var ev = await factory.Events.AtBylabAsync("Åpent møte om bylivet");
        var (client, email) = await CitizenAsync("konto");

        var page = await client.GetPageAsync($"/arrangementer/{ev.Slug}");
        Assert.Null(page.QuerySelector("#pamelding input[name=Name]"));
        Assert.Null(page.QuerySelector("#pamelding input[name=Email]"));
        Assert.Contains(email, page.QuerySelector(".signup-account")!.TextContent);
        // Only what the organiser chose to ask is asked.
        Assert.Null(page.QuerySelector("#Companions"));
        Assert.Null(page.QuerySelector("#Needs"));
        Assert.Null(page.QuerySelector("#Answer"));

        var posted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Consent"] = "true", ["Name"] = "Noen Andre", ["Email"] = "annen@example.org" }, "#pamelding form");
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var link = posted.Headers.Location!.ToString();
        Assert.Matches(PersonalLink(), link);
        var personal = await client.GetPageAsync(link);
        Assert.Contains($"Du er påmeldt «{ev.Title}».", Text(personal));
        var registration = Assert.Single(await factory.Events.RegistrationsOfAsync(ev.Id));
        Assert.Equal((RegistrationStatus.Confirmed, email), (registration.Status, registration.Email));
        Assert.NotEqual("Noen Andre", registration.Name);

        // The event page now shows the viewer's own status instead of the form.
        page = await client.GetPageAsync($"/arrangementer/{ev.Slug}");
        Assert.Null(page.QuerySelector("#pamelding form"));
        Assert.Equal(link, page.QuerySelector("#pamelding a")!.GetAttribute("href"));

        // Signing up twice gives the same registration back.
        var twice = await client.PostRawAsync($"/arrangementer/{ev.Slug}/pamelding",
            [new("__RequestVerificationToken", BylabClient.TokenFrom(page)), new("Consent", "true")]);
        Assert.Equal(link, twice.Headers.Location!.ToString());
        Assert.Contains("Du er allerede påmeldt", Text(await client.GetPageAsync(link)));

        var profile = await client.GetPageAsync("/min-side");
        Assert.NotNull(profile.QuerySelector("a[href='/min-side/pameldinger']"));
        var mine = await client.GetPageAsync("/min-side/pameldinger");
        var card = mine.QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains(ev.Title));
        Assert.Contains("Påmeldt", card.TextContent);
        Assert.Contains(card.QuerySelectorAll("a"), a => a.GetAttribute("href") == link);

        using var anonymous = factory.CreateBylabClient();
        var login = await anonymous.Http.GetAsync("/min-side/pameldinger");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/konto/logg-inn", login.Headers.Location!.ToString());
    }

    [Fact]
    public async Task FullEventPutsTheNextPersonOnTheWaitlistAndACancellationPromotesThem()
    {
        var ev = await factory.Events.AtBylabAsync("Foredrag om smarte og bærekraftige samfunn", e => e.Capacity = 1);
        var (first, _) = await CitizenAsync("forste");
        var (second, _) = await CitizenAsync("andre");

        var firstPosted = await first.SubmitAsync($"/arrangementer/{ev.Slug}", new Dictionary<string, string> { ["Consent"] = "true" }, "#pamelding form");
        var firstLink = firstPosted.Headers.Location!.ToString();

        var full = await second.GetPageAsync($"/arrangementer/{ev.Slug}");
        Assert.Equal("Sett meg på venteliste", full.QuerySelector("#pamelding button[type=submit]")!.TextContent.Trim());
        Assert.Contains("Fullt – venteliste", Text(full));
        var secondPosted = await second.SubmitAsync(full, new Dictionary<string, string> { ["Consent"] = "true" }, "#pamelding form");
        var secondLink = secondPosted.Headers.Location!.ToString();
        var waiting = await second.GetPageAsync(secondLink);
        Assert.Contains("Du står som nummer 1 på ventelisten", Text(waiting));
        Assert.Contains("På venteliste", Text(waiting));

        await first.SubmitAsync(firstLink, new Dictionary<string, string>(), $"form[action='{firstLink}/avmeld']");
        var promoted = await second.GetPageAsync(secondLink);
        Assert.Contains("Påmeldt", promoted.QuerySelector("#status-heading")!.TextContent);
        Assert.NotNull(promoted.QuerySelector("img.qr"));
    }

    [Theory]
    [InlineData("nb", "Antall ledsagere må være et helt tall fra 0 til 2.", "Du må samtykke i hvordan opplysningene brukes for å melde deg på.", "Skriv en gyldig e-postadresse")]
    [InlineData("en", "The number of companions must be a whole number from 0 to 2.", "To sign up, you must agree to how your details are used.", "Enter a valid e-mail address")]
    public async Task BadInputIsExplainedAndWhatWasTypedIsKept(string culture, string companions, string consent, string badEmail)
    {
        var ev = await factory.Events.AtBylabAsync("Verksted med for mange ledsagere", e => { e.MaxCompanions = 2; e.AskNeeds = true; });
        using var guest = factory.CreateBylabClient();
        await guest.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = culture }, "form.language-switcher");

        foreach (var count in new[] { "-1", "9999", "99999999999999", "to" })
        {
            var response = await guest.SubmitAsync($"/arrangementer/{ev.Slug}", new Dictionary<string, string>
            {
                ["Name"] = "Ola Nordmann",
                ["Email"] = "ola@example",
                ["Companions"] = count,
                ["Needs"] = "Rullestolplass",
            }, "#pamelding form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await BylabClient.ParseAsync(response);
            var errors = page.ErrorSummary();
            Assert.Contains(errors, e => e.StartsWith(badEmail));
            Assert.Contains(companions, errors);
            Assert.Contains(consent, errors);
            Assert.Equal("Ola Nordmann", page.FieldValue("Name"));
            Assert.Equal("ola@example", page.FieldValue("Email"));
            Assert.Equal(count, page.FieldValue("Companions"));
            Assert.Equal("Rullestolplass", page.FieldValue("Needs"));
            Assert.Equal("true", page.QuerySelector("#Companions")!.GetAttribute("aria-invalid"));
        }
        Assert.Empty(await factory.Events.RegistrationsOfAsync(ev.Id));
    }

    [Fact]
    public async Task SignUpAfterRegistrationClosedIsRefusedWithAMessage()
    {
        var ev = await factory.Events.AtBylabAsync("Møte der påmeldingen stenger");
        var email = TestData.UniqueEmail("sent");
        using var guest = factory.CreateBylabClient();
        var page = await guest.GetPageAsync($"/arrangementer/{ev.Slug}");

        // Registration closes while the form is open in the person's browser.
        var closedAt = DateTime.UtcNow.AddMinutes(-1);
        await factory.Events.ChangeAsync(ev.Id, e => e.RegistrationClosesAt = closedAt);
        var response = await guest.SubmitAsync(page, Guest("Sen Person", email), "#pamelding form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await BylabClient.ParseAsync(response);
        Assert.Contains("Påmeldingen er ikke åpen nå, så vi kunne ikke melde deg på.", Text(refused));
        Assert.Contains("Påmeldingen stengte", Text(refused));
        Assert.Null(refused.QuerySelector("#pamelding form"));
        Assert.Empty(await factory.Events.RegistrationsOfAsync(ev.Id));
        Assert.Empty(await factory.OutboxForAsync(email));

        // Not yet open: the page says when it opens.
        var later = await factory.Events.AtBylabAsync("Møte med påmelding senere", e => e.RegistrationOpensAt = DateTime.UtcNow.AddDays(2));
        Assert.Contains("Påmeldingen åpner", Text(await guest.GetPageAsync($"/arrangementer/{later.Slug}")));

        // Cancelled: the notice and the organiser's message.
        var cancelled = await factory.Events.AtBylabAsync("Avlyst møte", e => { e.Status = EventStatus.Cancelled; e.CancellationMessage = "Foredragsholderen er syk."; });
        var notice = await guest.GetPageAsync($"/arrangementer/{cancelled.Slug}");
        Assert.Contains("Arrangementet er avlyst", Text(notice));
        Assert.Contains("Foredragsholderen er syk.", Text(notice));
        Assert.Null(notice.QuerySelector("#pamelding form"));
    }
}
