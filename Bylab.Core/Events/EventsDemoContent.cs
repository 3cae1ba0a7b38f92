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
internal static class EventsDemoContent
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

    /// <summary>Invented participants (guests); e-mail addresses are at example.com, which never receives mail.</summary>
    private static readonly string[] FirstNames =
    [
        "Anne", "Bjørn", "Camilla", "Dag", "Eirik", "Frida", "Geir", "Hanne", "Ivar", "Jorunn", "Knut", "Line", "Magnus",
        "Nina", "Odd", "Pernille", "Runa", "Stian", "Tone", "Unni", "Vegard", "Åse", "Øystein", "Amir", "Fatima", "Jonas",
        "Sara", "Mohammed", "Leah", "Emil", "Sigrid", "Tobias", "Marte", "Halvor", "Aisha", "Torstein", "Solveig",
    ];

    private static readonly string[] LastNames =
    [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
        "Berg", "Haugen", "Bakken", "Lund", "Moen", "Solberg", "Hagen", "Strand", "Nygård", "Sæther", "Fossum",
        "Ødegård", "Hovde", "Mjøsund", "Rudshagen", "Storhaug", "Brenna", "Ali", "Hussein", "Kowalski",
    ];

    public static async Task SeedAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users, DateTime now, CancellationToken ct)
    {
        await VenueSeed.EnsureBylabAsync(db, ct);
        var bylab = await db.Venues.SingleAsync(v => v.Slug == Venue.Venue.BylabSlug, ct);
        var wholeVenue = await db.Spaces.Where(s => s.VenueId == bylab.Id && s.ParentId == null).OrderBy(s => s.SortOrder).FirstAsync(ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var today = OsloTime.ToOslo(now).Date;

        // The given weekday in the given week from now (week 0 = the next seven days, today excluded), at hh:mm Oslo time.
        DateTime On(int week, DayOfWeek day, int hour, int minute = 0)
        {
            var date = today.AddDays(1);
            while (date.DayOfWeek != day)
            {
                date = date.AddDays(1);
            }
            var local = date.AddDays(7 * week).AddHours(hour).AddMinutes(minute);
            return OsloTime.ToUtc(local) ?? throw new InvalidOperationException($"{local} does not exist in Oslo.");
        }

        var events = new List<DemoEvent>
        {
            new("hvor-er-vi",
                "Åpent møte: Hamar mot 2030 – hvor er vi?",
                "Vi starter rulleringen av strategien «Hamar mot 2030». Hvordan står det til med byen vår i dag?",
                """
                Hamar kommune inviterer til det første av tre åpne møter om strategien **«Hamar mot 2030»**. Strategien er bygget rundt tre spørsmål: *Hvor er vi? Hvor vil vi? Hvordan kommer vi dit?* Denne kvelden handler om det første.

                **Program**

                - 18.00 Velkommen v/ ordføreren
                - 18.15 Hamar i tall: befolkning, arbeidsplasser, klima og reisevaner
                - 18.45 Kaffe og samtale rundt bordene
                - 19.30 Oppsummering: hva overrasket oss?

                Det blir enkel servering. Lokalet er trinnfritt og har teleslynge.
                """,
                "attraktiv-by", EventAudience.Everyone, On(0, DayOfWeek.Tuesday, 18), On(0, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 40, MaxCompanions: 1, AskNeeds: true),

            new("sentrum",
                "Verksted: Et levende Hamar sentrum",
                "Sammen med Dark Arkitekter tegner vi framtidens sentrum – fra Stortorget til Strandgata.",
                """
                Hvordan skal sentrum se ut når Hamar har 35 000 innbyggere? **Dark Arkitekter** leder et verksted der vi jobber med kart, modeller og skisser i små grupper.

                Vi ser særlig på:

                1. Møteplasser for alle aldre, hele året
                2. Grønne lunger og overvann
                3. Hvordan du kommer deg til og gjennom sentrum til fots og på sykkel

                Du trenger ingen forkunnskaper – bare lyst til å være med og forme byen. Ta gjerne med en venn. Resultatene blir en del av kunnskapsgrunnlaget for sentrumsplanen.
                """,
                "attraktiv-by", EventAudience.Everyone, On(1, DayOfWeek.Wednesday, 17), On(1, DayOfWeek.Wednesday, 20),
                "Dark Arkitekter", Organiser, Capacity: 24, MaxCompanions: 1, AskNeeds: true,
                Question: "Hvilken plass i sentrum bruker du mest, og hvorfor?"),

            new("ungdomsradet",
                "Ungdomsrådet: Åpent møte om ungdommens Hamar",
                "Hva trenger unge i Hamar? Ungdomsrådet vil høre fra deg som er mellom 13 og 25.",
                """
                **Ungdomsrådet i Hamar** holder åpent møte i Bylab, og alle unge er velkomne.

                Vi snakker om steder å være etter skoletid, kollektivtilbudet på kveldstid og hvordan unge kan få mer å si i saker som angår dem. Ungdomsrådet tar med seg innspillene til bystyret.

                Det blir pizza! Si gjerne fra om allergier når du melder deg på.
                """,
                "inkludering", EventAudience.Youth, On(1, DayOfWeek.Thursday, 16), On(1, DayOfWeek.Thursday, 18),
                "Ungdomsrådet", Staff, Capacity: 30, AskNeeds: true),

            new("opne-data",
                "Smarte og berekraftige lokalsamfunn: Del og ta i bruk opne data",
                "Samtale nr. 6 i serien om det nasjonale vegkartet for smarte og berekraftige byar og lokalsamfunn.",
                """
                I samtaleserien om **det nasjonale vegkartet for smarte og berekraftige byar og lokalsamfunn** tek vi for oss eitt prinsipp om gongen. Denne gongen: *Del og ta i bruk opne data*.

                To kommunar fortel korleis dei har opna data om til dømes parkering, luftkvalitet og sykkeltrafikk, og kva innbyggjarar og næringsliv har fått ut av det. Etterpå samtalar vi om kva Hamar og Hamarregionen kan lære.

                Samtalen vert leia av representantar frå DOGA, Nordic Edge og Norconsult. Det er høve til å stille spørsmål på slutten.
                """,
                "vekst-og-kompetanse", EventAudience.Professionals, On(2, DayOfWeek.Tuesday, 10), On(2, DayOfWeek.Tuesday, 11, 30),
                "Hamar kommune, Smartby Hamar", Staff, Capacity: 50),

            new("lunsjprat",
                "Lunsjprat på nett: Klima i «Hamar mot 2030»",
                "En halvtime på nett om hvordan Hamar skal kutte utslipp og tåle været som kommer. Still spørsmål i chatten.",
                """
                Spis lunsj med oss! Klimarådgiveren i Hamar kommune forteller kort om målene for **bærekraft og klima** i «Hamar mot 2030», og svarer på spørsmål fra chatten.

                Lenken til møtet får du når du har meldt deg på. Du kan delta med eller uten kamera.
                """,
                "baerekraft-og-klima", EventAudience.Everyone, On(2, DayOfWeek.Thursday, 12), On(2, DayOfWeek.Thursday, 12, 45),
                "Hamar kommune", Staff, Capacity: 200, Location: EventLocationKind.Online,
                OnlineUrl: "https://digitalt.example.org/hamar-mot-2030-klima"),

            new("sykkeltur",
                "Sykkeltur: Hvor er det vanskelig å sykle i Hamar?",
                "Vi sykler sammen gjennom byen og noterer brudd i sykkelveinettet. Oppmøte på Stortorget.",
                """
                **Sykkelnettverket** og Hamar kommune inviterer til en rolig fellestur på rundt 12 kilometer. Underveis stopper vi der det er vanskelig eller utrygt å sykle, og legger punktene inn i kartet til medvirkningen «Sykkelbyen Hamar».

                Ta med sykkel, hjelm og klær etter været. Turen passer for alle som er vant til å sykle i byen.
                """,
                "samferdsel-og-mobilitet", EventAudience.Everyone, On(3, DayOfWeek.Saturday, 11), On(3, DayOfWeek.Saturday, 13, 30),
                "Sykkelnettverket", Staff, Capacity: 25, Location: EventLocationKind.Elsewhere,
                PlaceName: "Stortorget", PlaceAddress: "Stortorget, 2317 Hamar"),

            new("seniorer",
                "Digital hverdag: Kommunens tjenester på nett",
                "For deg som vil bli tryggere på å bruke kommunens tjenester på nett. Ta med egen mobil eller nettbrett.",
                """
                Frivillige fra seniornettverket hjelper deg i gang med **kommunens tjenester på nett**: søknader, innsyn og påmelding til arrangementer som dette.

                Vi er på Hamar bibliotek, og det er kaffe og god tid. Du kan ta med en venn.
                """,
                "inkludering", EventAudience.Seniors, On(4, DayOfWeek.Wednesday, 11), On(4, DayOfWeek.Wednesday, 13),
                "Hamar bibliotek og seniornettverket", Staff, Capacity: 20, Location: EventLocationKind.Elsewhere,
                PlaceName: "Hamar bibliotek", PlaceAddress: "Strandgata 45, 2317 Hamar", MaxCompanions: 1),

            new("banenor",
                "Informasjonsmøte: Nytt dobbeltspor gjennom Hamar",
                "Bane NOR orienterer om planene for dobbeltsporet og ny stasjon, og svarer på spørsmål.",
                """
                **Bane NOR** legger fram status for planarbeidet med dobbeltspor gjennom Hamar og hva det betyr for stasjonsområdet, strandsonen og trafikken i anleggsperioden. Fagfolk fra Bane NOR og Hamar kommune er til stede for å svare på spørsmål.
                """,
                "samferdsel-og-mobilitet", EventAudience.Everyone, On(4, DayOfWeek.Thursday, 18), On(4, DayOfWeek.Thursday, 19, 30),
                "Bane NOR", Staff, Capacity: 60),

            new("hvor-vil-vi",
                "Åpent møte: Hamar mot 2030 – hvor vil vi?",
                "Det andre åpne møtet om strategien: hva slags by vil vi være i 2030? Påmeldingen åpner om en uke.",
                """
                I det andre åpne møtet om **«Hamar mot 2030»** ser vi framover. Vi bruker fremtidsscenarier som utgangspunkt for samtalen: hva slags by vil vi være, og hva må vi velge bort?

                Innspillene fra det første møtet og fra medvirkningen på nett blir presentert innledningsvis.
                """,
                "attraktiv-by", EventAudience.Everyone, On(5, DayOfWeek.Tuesday, 18), On(5, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 60, MaxCompanions: 1, AskNeeds: true,
                RegistrationOpensAt: OsloTime.ToUtc(today.AddDays(7).AddHours(9))),

            new("hvordan",
                "Åpent møte: Hamar mot 2030 – hvordan kommer vi dit?",
                "Det tredje åpne møtet: fra mål til tiltak. Hva gjør vi først, og hvem gjør hva?",
                """
                Det siste av de tre åpne møtene om **«Hamar mot 2030»** handler om tiltakene. Sammen med Trepartssamarbeidet, næringslivet og frivilligheten prioriterer vi hva som skal prøves ut først – gjerne her i Bylab.
                """,
                "attraktiv-by", EventAudience.Everyone, On(7, DayOfWeek.Tuesday, 18), On(7, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 60, MaxCompanions: 1, AskNeeds: true),

            new("frokost",
                "Frokostmøte: Kompetansearbeidsplasser i Hamarregionen",
                "Hamarregionen Utvikling og næringslivet om hvordan vi får flere kompetansearbeidsplasser til regionen.",
                """
                **Hamarregionen Utvikling** inviterer næringslivet til frokost og samtale om teknologi, digitalisering og morgendagens arbeidsplasser.
                """,
                "vekst-og-kompetanse", EventAudience.Business, On(3, DayOfWeek.Friday, 8), On(3, DayOfWeek.Friday, 9, 30),
                "Hamarregionen Utvikling", Staff, Capacity: 40, Status: EventStatus.Cancelled,
                CancellationMessage: "Frokostmøtet er dessverre avlyst på grunn av sykdom. Vi kommer tilbake med ny dato."),

            new("skisser",
                "Dark Arkitekter viser skisser for Stortorget",
                "Arkitektene viser de første skissene for et fornyet Stortorg, bygget på innspillene fra medvirkningen.",
                """
                Skissene bygger på ideene og stemmene i medvirkningen **«Hvordan skal Stortorget brukes?»** og på verkstedet om sentrum. *Utkast – tid og innhold er ikke endelig.*
                """,
                "attraktiv-by", EventAudience.Everyone, On(7, DayOfWeek.Thursday, 18), On(7, DayOfWeek.Thursday, 19, 30),
                "Dark Arkitekter", Organiser, Capacity: 60, Status: EventStatus.Draft),
        };

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Event>();
        foreach (var d in events)
        {
            var ev = ToEvent(d, bylab.Id, themes, users, now);
            await PlaceAsync(db, ev, wholeVenue, d.Key == "banenor", ct);
            byKey[d.Key] = ev;
        }

        // One that has just happened, with attendance, so the figures page has something to show.
        var past = ToEvent(new DemoEvent("verksted-torget",
            "Kaffe og kart: Hva mener du om Stortorget?",
            "Uformelt verksted i Bylab om medvirkningen «Hvordan skal Stortorget brukes?».",
            "Kom innom Bylab, ta en kaffe og tegn på kartet over Stortorget. Innspillene går rett inn i medvirkningen.",
            "attraktiv-by", EventAudience.Everyone, On(-2, DayOfWeek.Wednesday, 15), On(-2, DayOfWeek.Wednesday, 17),
            "Hamar kommune", Staff, Capacity: 30), bylab.Id, themes, users, now);
        await PlaceAsync(db, past, wholeVenue, isPublic: false, ct);

        var guests = Guests().GetEnumerator();
        Registration Guest(Event ev, RegistrationStatus status, int companions = 0, string culture = "nb")
        {
            guests.MoveNext();
            var (name, email) = guests.Current;
            return NewRegistration(ev, null, name, email, companions, status, culture, now, codes);
        }
        Registration Person(Event ev, string email, RegistrationStatus status, int companions = 0)
        {
            var name = DemoSeeder.People.Single(p => p.Email == email).Name;
            return NewRegistration(ev, users[email], name, email, companions, status, "nb", now, codes);
        }

        // Full, with a waitlist: all 40 places taken (seven bring a companion), five waiting – Ola last.
        var full = byKey["hvor-er-vi"];
        var fullRegistrations = new List<Registration>
        {
            Person(full, "kari@demo.bylab.no", RegistrationStatus.Confirmed, companions: 1),
            Person(full, "politiker@demo.bylab.no", RegistrationStatus.Confirmed),
        };
        for (var n = 0; n < 31; n++)
        {
            fullRegistrations.Add(Guest(full, RegistrationStatus.Confirmed, companions: n % 6 == 0 ? 1 : 0, culture: n % 11 == 5 ? "nn" : "nb"));
        }
        for (var n = 0; n < 4; n++)
        {
            fullRegistrations.Add(Guest(full, RegistrationStatus.Waitlisted, companions: n == 1 ? 1 : 0));
        }
        fullRegistrations.Add(Person(full, "ola@demo.bylab.no", RegistrationStatus.Waitlisted));
        Stagger(fullRegistrations, now.AddDays(-9), now.AddHours(-3));

        // Nearly full: 21 of 24 places.
        var nearly = byKey["sentrum"];
        var nearlyRegistrations = new List<Registration>
        {
            Person(nearly, "ingrid@demo.bylab.no", RegistrationStatus.Confirmed, companions: 1),
            Person(nearly, "kari@demo.bylab.no", RegistrationStatus.Confirmed),
        };
        for (var n = 0; n < 15; n++)
        {
            nearlyRegistrations.Add(Guest(nearly, RegistrationStatus.Confirmed, companions: n % 5 == 2 ? 1 : 0, culture: n == 7 ? "en" : "nb"));
        }
        // A guest who has not yet followed the link in the e-mail: no place yet.
        nearlyRegistrations.Add(Guest(nearly, RegistrationStatus.Unconfirmed));
        Stagger(nearlyRegistrations, now.AddDays(-6), now.AddHours(-1));
        AnswerSome(nearlyRegistrations);

        // A few everywhere else that takes sign-ups.
        var others = new List<Registration>();
        foreach (var (key, count) in new[] { ("ungdomsradet", 9), ("opne-data", 14), ("lunsjprat", 31), ("sykkeltur", 11), ("seniorer", 6), ("banenor", 17) })
        {
            var list = Enumerable.Range(0, count).Select(n => Guest(byKey[key], RegistrationStatus.Confirmed, culture: n % 9 == 4 ? "nn" : "nb")).ToList();
            if (key == "opne-data")
            {
                list.Add(Person(byKey[key], "ola@demo.bylab.no", RegistrationStatus.Confirmed));
            }
            Stagger(list, now.AddDays(-5), now.AddHours(-2));
            others.AddRange(list);
        }

        // Cancelled: its registrations were cancelled with it.
        var cancelled = byKey["frokost"];
        var cancelledRegistrations = Enumerable.Range(0, 7).Select(_ => Guest(cancelled, RegistrationStatus.Cancelled)).ToList();
        Stagger(cancelledRegistrations, now.AddDays(-8), now.AddDays(-2));
        foreach (var r in cancelledRegistrations)
        {
            r.CancelledAt = now.AddDays(-1);
            r.CancelledBy = CancelledBy.EventCancelled;
        }

        // The past one: 19 came of 22 places, one cancelled in advance.
        var pastRegistrations = Enumerable.Range(0, 20).Select(n => Guest(past, RegistrationStatus.Confirmed, companions: n % 10 == 3 ? 1 : 0)).ToList();
        pastRegistrations.Add(Person(past, "ingrid@demo.bylab.no", RegistrationStatus.Cancelled));
        Stagger(pastRegistrations, past.StartsAt.AddDays(-10), past.StartsAt.AddHours(-4));
        for (var n = 0; n < pastRegistrations.Count; n++)
        {
            var r = pastRegistrations[n];
            if (r.Status == RegistrationStatus.Cancelled)
            {
                r.CancelledAt = past.StartsAt.AddDays(-1);
                r.CancelledBy = CancelledBy.Participant;
            }
            else if (n % 7 != 6)
            {
                r.CheckedInAt = past.StartsAt.AddMinutes(n % 15);
                r.CheckedInById = users[Staff];
            }
        }

        db.Registrations.AddRange(fullRegistrations);
        db.Registrations.AddRange(nearlyRegistrations);
        db.Registrations.AddRange(others);
        db.Registrations.AddRange(cancelledRegistrations);
        db.Registrations.AddRange(pastRegistrations);
        await db.SaveChangesAsync(ct);
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

    private static Registration NewRegistration(Event ev, string? userId, string name, string email, int companions,
        RegistrationStatus status, string culture, DateTime now, HashSet<string> codes)
    {
        string code;
        do
        {
            code = Registration.NewCheckInCode();
        }
        while (!codes.Add(code));
        return new Registration
        {
            EventId = ev.Id,
            UserId = userId,
            Name = name,
            Email = email,
            NormalizedEmail = Registration.NormalizeEmail(email),
            Companions = companions,
            Culture = culture,
            Status = status,
            ManageToken = Registration.NewManageToken(),
            CheckInCode = code,
            CreatedAt = now,
        };
    }

    /// <summary>Spreads the sign-ups over a period, in list order, and sets the times their status implies.</summary>
    private static void Stagger(List<Registration> registrations, DateTime from, DateTime to)
    {
        var step = (to - from) / Math.Max(1, registrations.Count);
        for (var n = 0; n < registrations.Count; n++)
        {
            var r = registrations[n];
            var at = from + step * n;
            r.CreatedAt = at;
            r.ConsentedAt = at;
            if (r.Status == RegistrationStatus.Unconfirmed)
            {
                continue;
            }
            r.EmailConfirmedAt = at;
            if (r.Status == RegistrationStatus.Waitlisted)
            {
                r.WaitlistedAt = at;
            }
            else
            {
                r.ConfirmedAt = at;
            }
        }
    }

    private static void AnswerSome(List<Registration> registrations)
    {
        string[] answers =
        [
            "Stortorget, men mest på markedsdager. Resten av tiden er det bare parkering.",
            "Strandstien – det er der jeg møter folk.",
            "Biblioteket og Strandgata. Savner flere benker.",
            "Kulturhuset. Plassen utenfor kunne vært mye mer brukt.",
        ];
        string[] needs = ["Vegetar", "Rullestol", "Glutenfri", "Teleslynge"];
        for (var n = 0; n < registrations.Count; n++)
        {
            if (n % 3 == 0)
            {
                registrations[n].Answer = answers[n / 3 % answers.Length];
            }
            if (n % 5 == 1)
            {
                registrations[n].Needs = needs[n / 5 % needs.Length];
            }
        }
    }

    private static IEnumerable<(string Name, string Email)> Guests()
    {
        for (var round = 0; ; round++)
        {
            for (var n = 0; n < FirstNames.Length; n++)
            {
                var first = FirstNames[n];
                var last = LastNames[(n * 7 + round * 3) % LastNames.Length];
                var email = $"{Slugs.From(first)}.{Slugs.From(last)}{(round == 0 ? "" : round.ToString())}@example.com";
                yield return ($"{first} {last}", email);
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
