using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Organise;

/// <summary>Events and sign-ups for the tests of the /arrangor pages: events straight into the database, sign-ups through RegistrationService.</summary>
internal static class OrganiseSeed
{
    public static async Task<string> UserIdAsync(this BylabFactory factory, string email)
    {
        var id = "";
        await factory.WithScopeAsync(async sp => id = (await sp.GetRequiredService<UserManager<BylabUser>>().FindByEmailAsync(email))!.Id);
        return id;
    }

    /// <summary>An online event two weeks ahead (the test host runs on the real clock), owned by <paramref name="ownerId"/>.</summary>
    public static Task<(int Id, string Slug)> EventAsync(this BylabFactory factory, string? ownerId, int capacity = 20, string? title = null,
        EventStatus status = EventStatus.Published, int maxCompanions = 2, DateTime? startsAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var start = startsAt ?? now.Date.AddDays(14).AddHours(16);
            var slug = $"arrangement-{Guid.NewGuid():N}"[..30];
            var ev = new Event
            {
                Slug = slug,
                Title = title ?? $"Åpent møte om Hamar mot 2030 {Guid.NewGuid():N}"[..40],
                Summary = "Kom og si hva du mener om byen.",
                DescriptionMarkdown = "Vi møtes **digitalt**.",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                LocationKind = EventLocationKind.Online,
                OnlineUrl = "https://example.org/mote",
                OrganiserName = "Hamar kommune",
                OwnerId = ownerId,
                Capacity = capacity,
                MaxCompanions = maxCompanions,
                AskNeeds = true,
                Question = "Hva vil du snakke om?",
                Status = status,
                PublishedAt = status == EventStatus.Draft ? null : now.AddDays(-1),
                CreatedAt = now.AddDays(-1),
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return (ev.Id, slug);
        });

    /// <summary>A guest signs up and confirms their e-mail; returns the registration as stored.</summary>
    public static async Task<Registration> SignUpAsync(this BylabFactory factory, int eventId, string name, string? email = null,
        int companions = 0, string? needs = null, string? answer = null)
    {
        email ??= TestData.UniqueEmail("deltaker");
        await factory.WithScopeAsync(async sp =>
        {
            var registrations = sp.GetRequiredService<RegistrationService>();
            var result = await registrations.SignUpAsync(eventId, null, new SignUpInput(name, email, companions, needs, answer, true, "nb"));
            Assert.Equal(SignUpOutcome.CheckEmail, result.Outcome);
            var token = await sp.GetRequiredService<Bylab.Core.Data.BylabDbContext>().Registrations
                .Where(r => r.EventId == eventId && r.Email == email).Select(r => r.ManageToken).SingleAsync();
            await registrations.ConfirmEmailAsync(token);
        });
        return await factory.RegistrationAsync(eventId, email);
    }

    public static Task<Registration> RegistrationAsync(this BylabFactory factory, int eventId, string email) =>
        factory.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.EventId == eventId && r.Email == email));

    public static Task<Event> StoredEventAsync(this BylabFactory factory, int id) =>
        factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));
}
