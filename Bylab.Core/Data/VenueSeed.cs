using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Data;

/// <summary>The Bylab itself is not demo content: the front page and the venue calendar need it in every installation.</summary>
internal static class VenueSeed
{
    public static async Task EnsureBylabAsync(BylabDbContext db, CancellationToken ct)
    {
        if (await db.Venues.AnyAsync(v => v.Slug == Venue.Venue.BylabSlug, ct))
        {
            return;
        }
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday };
        db.Venues.Add(new Venue.Venue
        {
            Slug = Venue.Venue.BylabSlug,
            Name = "Bylab Hamar",
            StreetAddress = "Torggata 1",
            PostalCode = "2317",
            City = "Hamar",
            Capacity = 60,
            StepFreeAccess = true,
            HearingLoop = true,
            AccessibleToilet = true,
            ContactEmail = "bylab@hamar.kommune.no",
            ContactPhone = "62 56 30 00",
            OpeningHours =
            [
                .. weekdays.Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(10, 0), Closes = new TimeOnly(16, 0) }),
                new OpeningHours { Day = DayOfWeek.Friday, Opens = new TimeOnly(10, 0), Closes = new TimeOnly(14, 0) },
            ],
        });
        await db.SaveChangesAsync(ct);
    }
}
