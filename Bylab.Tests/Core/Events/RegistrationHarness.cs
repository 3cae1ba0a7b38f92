using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The registration service on a real SQLite file (not :memory:, so concurrent connections really compete for
/// the write lock), with a clock the test moves and helpers that make events and people.
/// </summary>
public sealed class RegistrationHarness : EventsHarnessBase
{
    private RegistrationHarness() : base("registrations") { }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<AccountService>();
    }

    public static Task<RegistrationHarness> CreateAsync() => MigrateAsync(new RegistrationHarness());

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it.</summary>
    public Task<T> Registrations<T>(Func<RegistrationService, Task<T>> work) => InScopeAsync(work);

    /// <summary>Accounts inserted in one go (Identity's password hashing would make a hundred slow).</summary>
    public Task<List<(string Id, string Email)>> CreateUsersAsync(int count, string prefix = "person") =>
        WithDbAsync(async db =>
        {
            var users = Enumerable.Range(1, count).Select(n => new BylabUser
            {
                UserName = $"{prefix}{n}@example.org",
                NormalizedUserName = $"{prefix}{n}@EXAMPLE.ORG",
                Email = $"{prefix}{n}@example.org",
                NormalizedEmail = $"{prefix}{n}@EXAMPLE.ORG",
                EmailConfirmed = true,
                DisplayName = $"Person {n}",
                CreatedAt = Start,
                SecurityStamp = Guid.NewGuid().ToString(),
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            return users.Select(u => (u.Id, u.Email!)).ToList();
        });

    public static SignUpInput Input(string name, string email, int companions = 0, bool consent = true, string culture = "nb",
        string? needs = null, string? answer = null) =>
        new(name, email, companions, needs, answer, consent, culture);

    public Task<SignUpResult> SignUpAccountAsync(int eventId, (string Id, string Email) user, int companions = 0) =>
        Registrations(s => s.SignUpAsync(eventId, user.Id, Input("Person", user.Email, companions)));

    public Task<List<EventNotification>> NotificationsAsync(EventNotificationKind kind) =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    public Task<int> PlacesTakenAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed).SumAsync(r => 1 + r.Companions));
}
