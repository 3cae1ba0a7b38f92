using Bylab.Core.Data;
using Bylab.Core.Ideas;

namespace Bylab.Core.Events;

/// <summary>The demo sign-ups: a full event with a waitlist, a nearly full one, a cancelled one and a past one with attendance.</summary>
internal static partial class EventsDemoContent
{
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

    private static async Task SeedRegistrationsAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users,
        Dictionary<string, Event> byKey, Event past, HashSet<string> codes, DateTime now, CancellationToken ct)
    {
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
}
