using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Core.Events;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Organise;

public sealed class EventFormTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static int _day;

    /// <summary>A form for an event at the Bylab on a day of its own (events at the venue may not overlap).</summary>
    private async Task<Dictionary<string, string>> FormAsync(string title, string? startsAt = null, string? endsAt = null, string capacity = "40")
    {
        var municipality = await factory.Bookings.MunicipalityIdAsync();
        var day = new DateTime(2027, 9, 1).AddDays(Interlocked.Increment(ref _day));
        return new()
        {
            ["Title"] = title,
            ["Summary"] = "Hvordan skal sentrum se ut i 2030?",
            ["DescriptionMarkdown"] = "Et verksted med **Dark Arkitekter**.",
            ["ThemeId"] = "",
            ["Audience"] = "Everyone",
            ["StartsAt"] = startsAt ?? $"{day:yyyy-MM-dd}T18:00",
            ["EndsAt"] = endsAt ?? $"{day:yyyy-MM-dd}T20:00",
            ["LocationKind"] = "Venue",
            ["VenueId"] = "",
            ["OrganisationId"] = municipality.ToString(),
            ["Capacity"] = capacity,
            ["MaxCompanions"] = "2",
            ["Question"] = "Hva er viktigst for deg?",
            ["ReminderHoursBefore"] = "24",
        };
    }

    private async Task<string> BylabVenueAsync() =>
        (await factory.WithDbAsync(db => db.Venues.SingleAsync(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug))).Id.ToString();

    private async Task<Dictionary<string, string>> VenueFormAsync(string title, string? startsAt = null, string? endsAt = null, string capacity = "40")
    {
        var form = await FormAsync(title, startsAt, endsAt, capacity);
        form["VenueId"] = await BylabVenueAsync();
        return form;
    }

    [Fact]
    public async Task StaffCreateAnEventInOsloTimeAndPublishIt()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Verksted om sentrum {Guid.NewGuid():N}";
        var newForm = await client.GetPageAsync("/arrangor/arrangementer/ny");
        Assert.Equal("24", newForm.FieldValue("ReminderHoursBefore"));

        // Summer time (UTC+2).
        var form = await VenueFormAsync(title, "2027-06-10T18:00", "2027-06-10T20:30");
        var response = await client.SubmitAsync(newForm, form, "#event-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Title == title));
        Assert.Equal(new DateTime(2027, 6, 10, 16, 0, 0), stored.StartsAt);
        Assert.Equal(new DateTime(2027, 6, 10, 18, 30, 0), stored.EndsAt);
        Assert.Equal(EventStatus.Draft, stored.Status);
        Assert.Equal(24, stored.ReminderHoursBefore);
        Assert.Equal($"/arrangor/arrangementer/{stored.Id}", response.Headers.Location!.ToString());

        var page = await client.GetPageAsync($"/arrangor/arrangementer/{stored.Id}");
        Assert.Equal("Draft", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        var edit = await client.GetPageAsync($"/arrangor/arrangementer/{stored.Id}/rediger");
        Assert.Equal("2027-06-10T18:00", edit.FieldValue("StartsAt"));
        Assert.Equal("2027-06-10T20:30", edit.FieldValue("EndsAt"));

        var published = await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{stored.Id}/publiser']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(EventStatus.Published, (await factory.Events.StoredAsync(stored.Id)).Status);
        var after = await client.GetPageAsync($"/arrangor/arrangementer/{stored.Id}");
        Assert.Contains("publisert", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Published", after.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedWithTheInputKept()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Baklengs {Guid.NewGuid():N}";

        var response = await client.SubmitAsync("/arrangor/arrangementer/ny", await VenueFormAsync(title, "2027-05-01T18:00", "2027-05-01T17:00"), "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Slutten må være etter starten."], page.ErrorSummary());
        Assert.Equal("#EndsAt", page.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        Assert.Equal(title, page.FieldValue("Title"));
        Assert.Equal("2027-05-01T18:00", page.FieldValue("StartsAt"));
        Assert.Equal("2027-05-01T17:00", page.FieldValue("EndsAt"));
        Assert.Equal("Hva er viktigst for deg?", page.FieldValue("Question"));
        Assert.Equal("Et verksted med **Dark Arkitekter**.", page.FieldValue("DescriptionMarkdown"));
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task ATimeThatDoesNotExistInOsloIsRefused()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Sommertid {Guid.NewGuid():N}";

        // 28 March 2027: clocks go from 02:00 straight to 03:00.
        var form = await FormAsync(title, "2027-03-28T02:30", "2027-03-28T04:00");
        form["LocationKind"] = "Online";
        form["OnlineUrl"] = "https://example.org/natt";
        var response = await client.SubmitAsync("/arrangor/arrangementer/ny", form, "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        var error = Assert.Single(page.ErrorSummary());
        Assert.Contains("02:30 finnes ikke", error);
        Assert.Equal("#StartsAt", page.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        Assert.Equal("2027-03-28T02:30", page.FieldValue("StartsAt"));
        Assert.Equal("https://example.org/natt", page.FieldValue("OnlineUrl"));
        Assert.NotNull(page.QuerySelector("#LocationKind-Online[checked]"));
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task MorePlacesThanTheVenueHoldsAreRefusedOnTheCapacityField()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"For mange {Guid.NewGuid():N}";
        var venueCapacity = (await factory.WithDbAsync(db => db.Venues.SingleAsync(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug))).Capacity;

        var response = await client.SubmitAsync("/arrangor/arrangementer/ny", await VenueFormAsync(title, capacity: (venueCapacity + 1).ToString()), "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        var error = Assert.Single(page.ErrorSummary());
        Assert.Contains($"har plass til {venueCapacity}", error);
        Assert.Equal("#Capacity", page.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        Assert.Equal((venueCapacity + 1).ToString(), page.FieldValue("Capacity"));
        Assert.Equal(title, page.FieldValue("Title"));
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task AnEventOnTopOfAnotherInTheVenueListsTheConflict()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var first = $"Ungdomsrådet {Guid.NewGuid():N}";
        var second = $"Dobbeltbooket {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/arrangor/arrangementer/ny", await VenueFormAsync(first, "2027-10-05T17:00", "2027-10-05T19:00"), "#event-form")).StatusCode);

        var response = await client.SubmitAsync("/arrangor/arrangementer/ny", await VenueFormAsync(second, "2027-10-05T18:00", "2027-10-05T20:00"), "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains("Lokalet er opptatt", Assert.Single(page.ErrorSummary()));
        var conflicts = page.QuerySelector("#venue-conflicts")!.TextContent;
        Assert.Contains(first, conflicts);
        Assert.Contains("kl. 17:00", conflicts);
        Assert.Equal("2027-10-05T18:00", page.FieldValue("StartsAt"));
    }

    [Fact]
    public async Task AnOrganiserSeesThatTheVenueIsTakenButNotWhatAnotherOrganisationsBookingIsCalled()
    {
        var (organiser, email) = await factory.SignedInAsync("arrangor", Roles.Organiser);
        var mine = await factory.Bookings.OrganisationAsync("Co Urban", memberIds: await factory.Users.IdOfAsync(email));
        var others = await factory.Bookings.OrganisationAsync("Dark Arkitekter");
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var day = factory.Bookings.Date(DayOfWeek.Tuesday, weeks: 3);
        var secret = $"Hemmelig styremøte {Guid.NewGuid():N}";
        await factory.Bookings.AddAsync(others, whole, TestBookings.Oslo(day, 17), TestBookings.Oslo(day, 19), secret);
        // Another organisation's draft asked for the evening before: a request holds nothing, so it is no conflict.
        var draft = $"Kladd {Guid.NewGuid():N}";
        await factory.Bookings.AddAsync(others, whole, TestBookings.Oslo(day, 10), TestBookings.Oslo(day, 12), draft, status: Bylab.Core.Bookings.BookingStatus.Pending);

        var form = await VenueFormAsync($"Mitt møte {Guid.NewGuid():N}", $"{day:yyyy-MM-dd}T18:00", $"{day:yyyy-MM-dd}T20:00");
        form["OrganisationId"] = mine.ToString();
        var response = await organiser.SubmitAsync("/arrangor/arrangementer/ny", form, "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        var conflicts = page.QuerySelector("#venue-conflicts")!.TextContent;
        Assert.Contains("Opptatt (lån av lokalet)", conflicts);
        Assert.Contains("kl. 17:00", conflicts);
        Assert.DoesNotContain(secret, page.Body!.TextContent);
        Assert.DoesNotContain(draft, page.Body!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == form["Title"])));

        // Over the other organisation's pending request the organiser's own request goes through (pending too).
        var free = await VenueFormAsync($"Formiddagsmøte {Guid.NewGuid():N}", $"{day:yyyy-MM-dd}T10:00", $"{day:yyyy-MM-dd}T12:00");
        free["OrganisationId"] = mine.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync("/arrangor/arrangementer/ny", free, "#event-form")).StatusCode);
        var stored = await factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Title == free["Title"]));
        Assert.Equal(Bylab.Core.Bookings.BookingStatus.Pending, (await factory.Bookings.StoredAsync(stored.BookingId!.Value)).Status);
    }

    [Fact]
    public async Task AnOrganiserHoldsTheEventInAnApprovedBookingOfTheirOwnAndNeverInAnotherOrganisationsOrAnotherSpaces()
    {
        var (organiser, email) = await factory.SignedInAsync("arrangor", Roles.Organiser);
        var mine = await factory.Bookings.OrganisationAsync("Sykkelnettverket", memberIds: await factory.Users.IdOfAsync(email));
        var others = await factory.Bookings.OrganisationAsync("Nordic Towns");
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var day = factory.Bookings.Date(DayOfWeek.Wednesday, weeks: 5);
        var ours = await factory.Bookings.AddAsync(mine, meeting, TestBookings.Oslo(day, 17), TestBookings.Oslo(day, 21), $"Sykkelverksted {Guid.NewGuid():N}", isPublic: true);
        var theirs = await factory.Bookings.AddAsync(others, meeting, TestBookings.Oslo(day, 9), TestBookings.Oslo(day, 11), $"Nettverksmøte {Guid.NewGuid():N}");
        var empty = await organiser.GetPageAsync("/arrangor/arrangementer/ny");
        Assert.NotNull(empty.QuerySelector($"#BookingChoice option[value='{ours.Id}']"));
        Assert.Null(empty.QuerySelector($"#BookingChoice option[value='{theirs.Id}']"));

        async Task<(HttpResponseMessage Response, string Title)> SendAsync(int booking, int space, int from, int to)
        {
            var form = await VenueFormAsync($"Sykkelverksted for alle {Guid.NewGuid():N}", $"{day:yyyy-MM-dd}T{from:D2}:00", $"{day:yyyy-MM-dd}T{to:D2}:00", capacity: "10");
            (form["OrganisationId"], form["SpaceId"], form["BookingChoice"]) = (mine.ToString(), space.ToString(), booking.ToString());
            return (await organiser.SubmitAsync("/arrangor/arrangementer/ny", form, "#event-form"), form["Title"]);
        }
        async Task<string> RefusedOnAsync((HttpResponseMessage Response, string Title) sent, string field)
        {
            Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode);
            Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == sent.Title)));
            var page = await BylabClient.ParseAsync(sent.Response);
            return page.QuerySelector($"#{field}-error")?.TextContent ?? throw new Xunit.Sdk.XunitException($"No error on {field}: {string.Join(" | ", page.ErrorSummary())}");
        }

        // A forged id: another organisation's booking is not the organiser's to use.
        Assert.Contains("Velg en booking fra lista", await RefusedOnAsync(await SendAsync(theirs.Id, meeting.Id, 9, 11), "BookingChoice"));
        // The booking holds the meeting room: the event cannot be announced in the whole venue on the strength of it.
        Assert.Contains("gjelder Møterommet", await RefusedOnAsync(await SendAsync(ours.Id, whole.Id, 18, 20), "SpaceId"));

        var (response, title) = await SendAsync(ours.Id, meeting.Id, 18, 20);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Title == title));
        Assert.Equal((ours.Id, meeting.Id), (stored.BookingId, stored.SpaceId));
        var page = await organiser.GetPageAsync($"/arrangor/arrangementer/{stored.Id}");
        Assert.Equal(HttpStatusCode.Redirect,
            (await organiser.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{stored.Id}/publiser']")).StatusCode);
        Assert.Equal(EventStatus.Published, (await factory.Events.StoredAsync(stored.Id)).Status);
        Assert.Equal(BookingStatus.Approved, (await factory.Bookings.StoredAsync(ours.Id)).Status);
    }

    [Theory]
    [InlineData("https://example.org/digitalt møte")]
    [InlineData("https://møte.example.org/rom 1")]
    public async Task TheFormRefusesTheWebAddressesTheServiceRefuses(string url)
    {
        Assert.Equal(FieldErrors.InvalidUrl, EventRules.OnlineUrl.Check(url));
        await using var scope = factory.Services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<IValidator<EventForm>>();
        var form = new EventForm
        {
            Title = "Digitalt møte", Summary = "Om byen.", DescriptionMarkdown = "Velkommen.", StartsAt = "2027-10-01T18:00",
            EndsAt = "2027-10-01T20:00", LocationKind = EventLocationKind.Online, OnlineUrl = url, OrganisationId = 1, Capacity = 10,
        };

        var result = validator.Validate(form);

        Assert.Equal(["Skriv en hel nettadresse som begynner med https://."],
            result.Errors.Where(e => e.PropertyName == nameof(EventForm.OnlineUrl)).Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task ACopyIsANewDraftOpenedForEditing()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var original = await factory.Events.StoredAsync(id);

        var page = await client.GetPageAsync($"/arrangor/arrangementer/{id}");
        var response = await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{id}/kopier']");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var copy = await factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.CopiedFromId == id));
        Assert.Equal($"/arrangor/arrangementer/{copy.Id}/rediger", response.Headers.Location!.ToString());
        Assert.Equal(EventStatus.Draft, copy.Status);
        Assert.NotEqual(original.Slug, copy.Slug);
        var edit = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Kopien er lagret som kladd", edit.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(copy.Title, edit.FieldValue("Title"));
    }

    [Fact]
    public async Task CancellingAnEventTellsEveryParticipant()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 1);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        Assert.Equal(RegistrationStatus.Waitlisted, ola.Status);

        // The tick is required.
        var refused = await client.SubmitAsync($"/arrangor/arrangementer/{id}/avlys", new Dictionary<string, string> { ["Message"] = "Foredragsholderen er syk." }, "#cancel-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await BylabClient.ParseAsync(refused);
        Assert.Equal(["Kryss av for at du vil avlyse arrangementet."], refusedPage.ErrorSummary());
        Assert.Equal("Foredragsholderen er syk.", refusedPage.FieldValue("Message"));
        Assert.Equal(EventStatus.Published, (await factory.Events.StoredAsync(id)).Status);

        var response = await client.SubmitAsync(refusedPage, new Dictionary<string, string> { ["Confirm"] = "true" }, "#cancel-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EventStatus.Cancelled, (await factory.Events.StoredAsync(id)).Status);
        foreach (var email in new[] { kari.Email, ola.Email })
        {
            var mails = await factory.OutboxForAsync(email);
            Assert.Contains(mails, m => m.Subject.StartsWith("Avlyst") && m.TextBody.Contains("Foredragsholderen er syk."));
        }
    }

    [Fact]
    public async Task MovingAPublishedEventTellsTheParticipants()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var edit = await client.GetPageAsync($"/arrangor/arrangementer/{id}/rediger");
        Assert.Equal("https://example.org/mote", edit.FieldValue("OnlineUrl"));
        Assert.NotNull(edit.QuerySelector("#LocationKind-Online[checked]"));

        var response = await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["StartsAt"] = "2027-11-02T19:00", ["EndsAt"] = "2027-11-02T21:00", ["Capacity"] = "25",
        }, "#event-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.Events.StoredAsync(id);
        Assert.Equal(new DateTime(2027, 11, 2, 18, 0, 0), stored.StartsAt);
        Assert.Equal(25, stored.Capacity);
        Assert.Contains(await factory.OutboxForAsync(kari.Email), m => m.Subject.StartsWith("Ny tid eller nytt sted"));
    }
}
