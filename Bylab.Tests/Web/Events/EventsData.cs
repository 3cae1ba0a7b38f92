using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Events;

/// <summary>
/// Events written straight into the test host's database, with times relative to now (the app runs on the real clock).
/// Straight in, not through EventService, so these tests are about the pages and nothing else.
/// </summary>
public sealed class EventsData(BylabFactory factory)
{
    private static readonly Actor Staff = new("test-staff", "Test staff");

    /// <param name="StartsAt">UTC.</param>
    public sealed record Created(int Id, string Slug, string Title, DateTime StartsAt);

    public async Task<(int Id, string Slug, string Title)> ThemeAsync(string title)
    {
        var unique = $"{title} {Guid.NewGuid():N}"[..(title.Length + 7)];
        (int, string, string) result = default;
        await factory.WithScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<ThemeService>().CreateAsync(Staff, new ThemeInput(unique, "Et tema for tester."));
            result = (saved.Id!.Value, saved.Slug!, unique);
        });
        return result;
    }

    /// <summary>A published event at the Bylab a week from now, unless told otherwise.</summary>
    public Task<Created> EventAsync(string title, Action<Event>? change = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var start = new DateTime(now.Year, now.Month, now.Day, 17, 0, 0, DateTimeKind.Utc).AddDays(7);
            var venue = await db.Venues.SingleAsync(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug);
            var ev = new Event
            {
                Slug = Slug(title),
                Title = title,
                Summary = "Kom og si hva du mener om byen.",
                DescriptionMarkdown = "Vi møtes i **Bylab** og snakker om [strategien](https://www.hamar.kommune.no).",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                LocationKind = EventLocationKind.Venue,
                VenueId = venue.Id,
                OrganiserName = "Hamar kommune",
                Capacity = 20,
                Status = EventStatus.Published,
                PublishedAt = now.AddDays(-1),
                CreatedAt = now.AddDays(-2),
            };
            change?.Invoke(ev);
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return new Created(ev.Id, ev.Slug, ev.Title, ev.StartsAt);
        });

    public Task ChangeAsync(int eventId, Action<Event> change) => factory.WithDbAsync(async db =>
    {
        var ev = await db.Events.SingleAsync(e => e.Id == eventId);
        change(ev);
        return await db.SaveChangesAsync();
    });

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        factory.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    private static string Slug(string title)
    {
        var cleaned = new string(title.ToLowerInvariant()
            .Replace("æ", "ae").Replace("ø", "o").Replace("å", "a")
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{cleaned}-{Guid.NewGuid():N}"[..Math.Min(cleaned.Length + 9, 120)];
    }
}
