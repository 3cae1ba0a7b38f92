using Bylab.Core.Organisations;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Data;

/// <summary>
/// The Bylab itself and Hamar kommune are not demo content: the front page, the venue calendar and staff's own events
/// need them in every installation. Staff edit both afterwards (/admin/lokale, /admin/organisasjoner).
/// </summary>
internal static class VenueSeed
{
    public static async Task EnsureBylabAsync(BylabDbContext db, CancellationToken ct)
    {
        await EnsureMunicipalityAsync(db, ct);
        if (await db.Venues.AnyAsync(v => v.Slug == Venue.Venue.BylabSlug, ct))
        {
            return;
        }
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday };
        var venue = new Venue.Venue
        {
            Slug = Venue.Venue.BylabSlug,
            Name = "Bylab Hamar",
            StreetAddress = "Torggata 1",
            PostalCode = "2317",
            City = "Hamar",
            Capacity = 60,
            Description = "Bylab er Hamar kommunes åpne byrom i sentrum: et sted for møter, verksteder og medvirkning om «Hamar mot 2030». " +
                "Kommunen låner ut lokalet til lag, organisasjoner og aktører som jobber med byen.",
            StepFreeAccess = true,
            HearingLoop = true,
            AccessibleToilet = true,
            AccessibilityInfo = "Trinnfri inngang fra Torggata med automatisk dør. Teleslynge i hele lokalet. HC-parkering i Torggata.",
            ContactEmail = "bylab@hamar.kommune.no",
            ContactPhone = "62 56 30 00",
            AccessInstructions = "Hoveddøren i Torggata har kodelås. Koden i bekreftelsen virker fra oppsettstiden før bookingen til den slutter.",
            ContactPerson = "Vakttelefon Bylab, 62 56 30 00",
            TidyingInstructions = "Sett bord og stoler tilbake slik de stod, tørk av bordene, ta med søppel ut og lukk vinduene. Kjøkkenet skal være ryddet.",
            OpeningHours =
            [
                .. weekdays.Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(10, 0), Closes = new TimeOnly(16, 0) }),
                new OpeningHours { Day = DayOfWeek.Friday, Opens = new TimeOnly(10, 0), Closes = new TimeOnly(14, 0) },
            ],
            LendingHours =
            [
                .. weekdays.Select(d => new LendingHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0) }),
                new LendingHours { Day = DayOfWeek.Friday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(18, 0) },
                new LendingHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(10, 0), Closes = new TimeOnly(16, 0) },
            ],
        };
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);

        var whole = new Space
        {
            VenueId = venue.Id, Name = "Hele lokalet", Description = "Hele Bylab: storsalen med møterommet og verkstedområdet.",
            Capacity = 60, Equipment = SpaceEquipment.Screen | SpaceEquipment.Sound | SpaceEquipment.Chairs | SpaceEquipment.Kitchen | SpaceEquipment.Whiteboard,
            SetupMinutes = 30, CleanupMinutes = 30, MinMinutes = 60, MaxMinutes = 12 * 60, MinNoticeHours = 72, MaxDaysAhead = 180, SortOrder = 0,
        };
        db.Spaces.Add(whole);
        await db.SaveChangesAsync(ct);
        db.Spaces.AddRange(
            new Space
            {
                VenueId = venue.Id, ParentId = whole.Id, Name = "Møterommet", Description = "Lukket møterom med skjerm og videoutstyr.",
                Capacity = 14, Equipment = SpaceEquipment.Screen | SpaceEquipment.Chairs | SpaceEquipment.Whiteboard | SpaceEquipment.VideoMeeting,
                SetupMinutes = 15, CleanupMinutes = 15, MinMinutes = 30, MaxMinutes = 8 * 60, MinNoticeHours = 24, MaxDaysAhead = 120, SortOrder = 1,
            },
            new Space
            {
                VenueId = venue.Id, ParentId = whole.Id, Name = "Verkstedområdet", Description = "Åpent område med store bord, tavler og kjøkken.",
                Capacity = 30, Equipment = SpaceEquipment.Chairs | SpaceEquipment.Whiteboard | SpaceEquipment.Kitchen,
                SetupMinutes = 30, CleanupMinutes = 30, MinMinutes = 60, MaxMinutes = 8 * 60, MinNoticeHours = 48, MaxDaysAhead = 120, SortOrder = 2,
            });
        await db.SaveChangesAsync(ct);
        await SpaceRelations.RebuildAsync(db, venue.Id, ct);
    }

    private static async Task EnsureMunicipalityAsync(BylabDbContext db, CancellationToken ct)
    {
        if (await db.Organisations.AnyAsync(o => o.IsMunicipality, ct))
        {
            return;
        }
        db.Organisations.Add(new Organisation
        {
            Name = Organisation.MunicipalityName, ContactName = "Bylab Hamar", ContactEmail = "bylab@hamar.kommune.no", IsMunicipality = true,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(ct);
    }
}
