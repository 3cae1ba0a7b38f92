using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Events;

/// <summary>Events, registrations and notifications written straight into the web host's database (the app runs on the real clock).</summary>
public sealed class EventMailData(BylabFactory factory)
{
    public Task<(int Id, string Slug)> ThemeAsync(string title) =>
        factory.WithDbAsync(async db =>
        {
            var slug = "tema-" + Guid.NewGuid().ToString("N")[..12];
            var theme = new Theme { Slug = slug, Title = title, Description = "Et tema for tester." };
            db.Themes.Add(theme);
            await db.SaveChangesAsync();
            return (theme.Id, slug);
        });

    public Task<Event> EventAsync(Action<Event>? shape = null) =>
        factory.WithDbAsync(async db =>
        {
            var venue = await db.Venues.SingleAsync(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug);
            var start = DateTime.UtcNow.Date.AddDays(10).AddHours(16);
            var ev = new Event
            {
                Slug = "arr-" + Guid.NewGuid().ToString("N")[..16],
                Title = "Verksted om bykjernen – «Hamar mot 2030» på Bylab",
                Summary = "Dark Arkitekter viser skisser; vi tegner sammen på kartet over Stortorget.",
                DescriptionMarkdown = "Ta med **ideer**.",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                LocationKind = EventLocationKind.Venue,
                VenueId = venue.Id,
                OrganiserName = "Dark Arkitekter",
                Capacity = 30,
                MaxCompanions = 2,
                Status = EventStatus.Published,
                PublishedAt = DateTime.UtcNow.AddDays(-1),
                CreatedAt = DateTime.UtcNow.AddDays(-1),
            };
            shape?.Invoke(ev);
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev;
        });

    public Task<Registration> RegistrationAsync(int eventId, RegistrationStatus status, string email, string culture = "nb", int companions = 0) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var r = new Registration
            {
                EventId = eventId,
                Name = "Øystein Ås",
                Email = email,
                NormalizedEmail = Registration.NormalizeEmail(email),
                Companions = companions,
                Culture = culture,
                Status = status,
                ManageToken = Registration.NewManageToken(),
                CheckInCode = Registration.NewCheckInCode(),
                CreatedAt = now,
                ConsentedAt = now,
                EmailConfirmedAt = status == RegistrationStatus.Unconfirmed ? null : now,
                ConfirmedAt = status == RegistrationStatus.Confirmed ? now : null,
                WaitlistedAt = status == RegistrationStatus.Waitlisted ? now : null,
                CancelledAt = status == RegistrationStatus.Cancelled ? now : null,
                CancelledBy = status == RegistrationStatus.Cancelled ? CancelledBy.Participant : null,
            };
            db.Registrations.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

    /// <summary>Queues a notification and runs the dispatcher, as a web action does after a change.</summary>
    public async Task<int> NotifyAsync(int registrationId, EventNotificationKind kind)
    {
        await factory.WithDbAsync(async db =>
        {
            db.EventNotifications.Add(new EventNotification { RegistrationId = registrationId, Kind = kind, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var sent = 0;
        await factory.WithScopeAsync(async sp => sent = await sp.GetRequiredService<EventNotificationDispatcher>().DeliverPendingAsync());
        return sent;
    }
}
