using System.Security.Cryptography;
using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Data;

/// <summary>
/// Demo people for a new Development database. Passwords are random and printed once to the console:
/// nothing secret is in the repository, and a leaked demo database gives away nothing reusable.
/// </summary>
public sealed class DemoSeeder(UserManager<BylabUser> users, BylabDbContext db, TwoFactorEnrolments enrolments,
    Microsoft.Extensions.Options.IOptions<Common.SiteOptions> site, TimeProvider time)
{
    public static readonly IReadOnlyList<(string Email, string Name, string[] Roles)> People =
    [
        ("admin@demo.bylab.no", "Astrid Admin", [Roles.Admin]),
        ("ansatt@demo.bylab.no", "Sindre Bylab-ansatt", [Roles.Staff]),
        ("moderator@demo.bylab.no", "Mona Moderator", [Roles.Moderator]),
        ("politiker@demo.bylab.no", "Per Politiker", [Roles.Politician]),
        ("arrangor@demo.bylab.no", "Dark Arkitekter v/ Ola", [Roles.Organiser]),
        ("ungdom@demo.bylab.no", "Ungdomsrådet v/ Sara", [Roles.Organiser]),
        ("kari@demo.bylab.no", "Kari Nordmann", [Roles.Citizen]),
        ("ola@demo.bylab.no", "Ola Hamar", [Roles.Citizen]),
        ("ingrid@demo.bylab.no", "Ingrid Storhamar", [Roles.Citizen]),
    ];

    public async Task SeedAsync(TextWriter console, CancellationToken ct = default)
    {
        console.WriteLine();
        console.WriteLine("Demo logins (shown once; the database is new):");
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (email, name, roles) in People)
        {
            var password = NewPassword();
            var user = new BylabUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not seed {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRolesAsync(user, roles);
            ids[email] = user.Id;
            console.WriteLine($"  {string.Join(",", roles),-11} {email,-26} {password}");
            if (roles.Intersect(Roles.RequiringTwoFactor).Any())
            {
                // Staff roles get their first authenticator only through an enrolment link (valid a day, used once).
                var (_, token, _) = await enrolments.CreateAsync(new Auditing.Actor("system", "demo"), user.Id, ct);
                console.WriteLine($"  {"",-11} set up the authenticator after logging in: {site.Value.Link(TwoFactorEnrolments.LinkPath(token!))}");
            }
        }
        console.WriteLine();

        // Themes of «Hamar mot 2030», consultations, ideas, votes, comments and answers.
        await IdeasDemoContent.SeedAsync(db, ids, time.GetUtcNow().UtcDateTime, ct);
        // The organisations that borrow the venue, before the events that are run for them.
        await BookingsDemoContent.SeedOrganisationsAsync(db, ids, time.GetUtcNow().UtcDateTime, ct);
        // The programme of the coming two months, with sign-ups (after the ideas: it uses their themes).
        await EventsDemoContent.SeedAsync(db, ids, time.GetUtcNow().UtcDateTime, ct);
        // A month of bookings and requests around the events.
        await BookingsDemoContent.SeedBookingsAsync(db, ids, time.GetUtcNow().UtcDateTime, ct);
    }

    private static string NewPassword()
    {
        // 16 characters from an alphabet without look-alikes: about 80 bits, easy to type.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "demo-" + RandomNumberGenerator.GetString(alphabet, 16);
    }
}
