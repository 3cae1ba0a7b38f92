using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>
/// A programme for a new Development database: the coming two months at the Bylab and around Hamar, in the
/// spirit of «Hamar mot 2030». Open meetings, a workshop with Dark Arkitekter, Ungdomsrådet's meeting, a talk in
/// the series on smart and sustainable communities (in nynorsk), an online lunch talk, a bike ride from
/// Stortorget; one event nearly full, one full with a waitlist, one cancelled, one draft, one just past with
/// attendance. Times are Oslo wall-clock times relative to today, so the programme is current whenever the demo starts.
/// Registrations are written directly (no e-mails are queued for them).
/// </summary>
internal static partial class EventsDemoContent
{
    private const string Staff = "ansatt@demo.bylab.no";
    private const string Organiser = "arrangor@demo.bylab.no";

    private sealed record DemoEvent(
        string Key,
        string Title,
        string Summary,
        string Description,
        string? Theme,
        EventAudience Audience,
        DateTime StartsAt,
        DateTime EndsAt,
        string OrganiserName,
        string Owner,
        int Capacity,
        EventLocationKind Location = EventLocationKind.Venue,
        string? PlaceName = null,
        string? PlaceAddress = null,
        string? OnlineUrl = null,
        int MaxCompanions = 0,
        bool AskNeeds = false,
        string? Question = null,
        DateTime? RegistrationOpensAt = null,
        EventStatus Status = EventStatus.Published,
        string? CancellationMessage = null);

    public static async Task SeedAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users, DateTime now, CancellationToken ct)
    {
        await VenueSeed.EnsureBylabAsync(db, ct);
        var bylab = await db.Venues.SingleAsync(v => v.Slug == Venue.Venue.BylabSlug, ct);
        var wholeVenue = await db.Spaces.Where(s => s.VenueId == bylab.Id && s.ParentId == null).OrderBy(s => s.SortOrder).FirstAsync(ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var today = OsloTime.ToOslo(now).Date;
        var events = Programme(today);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Event>();
        foreach (var d in events)
        {
            var ev = ToEvent(d, bylab.Id, themes, users, now);
            await PlaceAsync(db, ev, wholeVenue, d.Key == "banenor", ct);
            byKey[d.Key] = ev;
        }

        // One that has just happened, with attendance, so the figures page has something to show.
        var past = ToEvent(PastEvent(today), bylab.Id, themes, users, now);
        await PlaceAsync(db, past, wholeVenue, isPublic: false, ct);
        await SeedRegistrationsAsync(db, users, byKey, past, codes, now, ct);
    }

    /// <summary>
    /// Saves the demo event with its organisation (made when the demo has none by that name) and, in the venue, the
    /// booking it holds its slot through: approved when it is published, a request waiting for staff when it is a draft.
    /// </summary>
    private static async Task PlaceAsync(BylabDbContext db, Event ev, Venue.Space space, bool isPublic, CancellationToken ct)
    {
        var name = ev.OrganiserName.StartsWith("Hamar kommune", StringComparison.Ordinal) ? "Hamar kommune" : ev.OrganiserName;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (organisation is null)
        {
            organisation = new Organisations.Organisation { Name = name, ContactName = name, ContactEmail = "post@example.com", CreatedAt = ev.CreatedAt };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
        }
        ev.OrganisationId = organisation.Id;
        ev.OrganiserName = organisation.Name;
        ev.Slug = await EventSlugs.UniqueAsync(db, ev.Title, ct);
        if (ev.LocationKind == EventLocationKind.Venue && ev.Status != EventStatus.Cancelled)
        {
            ev.SpaceId = space.Id;
            var booking = new Bookings.Booking
            {
                Kind = Bookings.BookingKind.Event,
                Status = ev.Status == EventStatus.Published ? Bookings.BookingStatus.Approved : Bookings.BookingStatus.Pending,
                OrganisationId = organisation.Id,
                RequestedById = ev.OwnerId,
                Purpose = ev.Title.Length > Bookings.Booking.PurposeMaxLength ? ev.Title[..Bookings.Booking.PurposeMaxLength] : ev.Title,
                ExpectedPeople = Math.Min(ev.Capacity, space.Capacity),
                IsPublic = isPublic,
                CreatedAt = ev.CreatedAt,
                DecidedAt = ev.Status == EventStatus.Published ? ev.CreatedAt : null,
                DecidedById = ev.Status == EventStatus.Published ? ev.OwnerId : null,
            };
            booking.Place(space, ev.StartsAt, ev.EndsAt);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            ev.BookingId = booking.Id;
        }
        else if (ev.LocationKind == EventLocationKind.Venue)
        {
            ev.SpaceId = space.Id;
        }
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);
    }

    private static Event ToEvent(DemoEvent d, int venueId, IReadOnlyDictionary<string, int> themes,
        IReadOnlyDictionary<string, string> users, DateTime now)
    {
        var published = d.Status != EventStatus.Draft;
        return new Event
        {
            Title = d.Title,
            Summary = d.Summary,
            DescriptionMarkdown = d.Description.Trim(),
            ThemeId = d.Theme is not null && themes.TryGetValue(d.Theme, out var themeId) ? themeId : null,
            Audience = d.Audience,
            StartsAt = d.StartsAt,
            EndsAt = d.EndsAt,
            LocationKind = d.Location,
            VenueId = d.Location == EventLocationKind.Venue ? venueId : null,
            PlaceName = d.PlaceName,
            PlaceAddress = d.PlaceAddress,
            OnlineUrl = d.OnlineUrl,
            OrganiserName = d.OrganiserName,
            OwnerId = users[d.Owner],
            Capacity = d.Capacity,
            RegistrationOpensAt = d.RegistrationOpensAt,
            MaxCompanions = d.MaxCompanions,
            AskNeeds = d.AskNeeds,
            Question = d.Question,
            ReminderHoursBefore = 24,
            Status = d.Status,
            CreatedAt = Min(now, d.StartsAt).AddDays(-21),
            PublishedAt = published ? Min(now, d.StartsAt).AddDays(-20) : null,
            CancelledAt = d.Status == EventStatus.Cancelled ? now.AddDays(-1) : null,
            CancellationMessage = d.CancellationMessage,
            Sequence = d.Status == EventStatus.Cancelled ? 1 : 0,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
