using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// The one way tests make an account, for Core and HTTP tests alike: through Identity's UserManager, so the
/// account is stored exactly as registration stores it (normalised names, security stamp, the app's rules).
/// Without a password it is quick (no hashing), for tests that never log in.
/// </summary>
public sealed class TestUsers(IServiceProvider services)
{
    /// <param name="displayName">Defaults to the part of the address before the @.</param>
    /// <param name="email">Defaults to a unique address.</param>
    /// <param name="password">Null for an account nobody logs in with.</param>
    /// <param name="culture">The language the person chose (their e-mails are written in it).</param>
    public async Task<BylabUser> CreateAsync(string? displayName = null, string? email = null, string? password = null,
        string culture = "nb", params string[] roles)
    {
        email ??= TestData.UniqueEmail((displayName ?? "person").Split(' ')[0].ToLowerInvariant());
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylabUser>>();
        var user = new BylabUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            PreferredCulture = culture,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }
        return user;
    }

    /// <summary>A citizen who can log in (<see cref="TestData.Password"/>), in the language they chose.</summary>
    public Task<BylabUser> CitizenAsync(string prefix, string culture = "nb") =>
        CreateAsync(email: TestData.UniqueEmail(prefix), password: TestData.Password, culture: culture, roles: [Roles.Citizen]);

    /// <summary><paramref name="count"/> accounts without passwords: «Person 1» person1-…@test.bylab.no and on.</summary>
    public async Task<IReadOnlyList<BylabUser>> CreateManyAsync(int count, string prefix = "person")
    {
        var users = new List<BylabUser>();
        for (var n = 1; n <= count; n++)
        {
            users.Add(await CreateAsync($"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} {n}", TestData.UniqueEmail($"{prefix}{n}")));
        }
        return users;
    }

    public async Task<string> IdOfAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<BylabUser>>().FindByEmailAsync(email))!.Id;
    }

    public async Task<IList<string>> RolesOfAsync(string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylabUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    /// <summary>The account as the audit log names who acted.</summary>
    public static Bylab.Core.Auditing.Actor ActorOf(BylabUser user) => new(user.Id, user.DisplayName);
}
