using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file of its own, in the "Testing" environment (no demo content,
/// HTTP allowed). Every test host gets its own database; tests use unique e-mail addresses instead of resets.
/// </summary>
public class BylabFactory : WebApplicationFactory<Program>
{
    static BylabFactory()
    {
        // Each host watches its appsettings files; with inotify that is an instance per host, and the whole suite (with
        // other test runs on the same machine) can reach the per-user limit of 128, which fails a host's start. Polling
        // watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>
    /// The SQLite file; a fresh one per factory unless a test sets it to another factory's file
    /// to run two hosts on one database (as two instances behind a load balancer would).
    /// </summary>
    public string DatabaseFile { get; init; } = TestDatabase.NewFile("web");

    /// <summary>The same builders the Core tests use, on this host's database and real clock.</summary>
    public TestUsers Users => new(Services);
    public TestEvents Events => _events ??= new TestEvents(Services);
    public TestIdeas Ideas => new(Services);
    public TestModeration Moderation => new(Services);
    public TestBookings Bookings => new(Services);

    private TestEvents? _events;

    /// <summary>The identity provider's key folder: one for every test host unless a test gives its own (key rotation).</summary>
    public string OidcKeysFolder { get; init; } = Path.Combine(Path.GetTempPath(), "bylab-tests", "oidc-keys");

    /// <summary>Extra settings a test class wants (for example a low rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Bylab:Database:ConnectionString", TestDatabase.ConnectionString(DatabaseFile));
        builder.UseSetting("Bylab:Site:PublicUrl", "http://localhost");
        // The events background service would otherwise, a minute in, delete the participants of past events a test
        // set up; its work is tested in Core, and HTTP tests call the dispatcher themselves.
        builder.UseSetting("Bylab:Events:BackgroundIntervalSeconds", "3600");
        // Likewise the comment digests: a digest mail arriving mid-test would change what a test finds in the outbox.
        builder.UseSetting("Bylab:Ideas:BackgroundIntervalSeconds", "3600");
        builder.UseSetting("Bylab:RateLimits:AuthPermits", "100000");
        builder.UseSetting("Bylab:RateLimits:AccountPermits", "100000");
        // Test set-ups write many ideas and comments as one person; the hourly limits have their own tests (and settings).
        builder.UseSetting("Bylab:Moderation:IdeasPerHour", "1000");
        builder.UseSetting("Bylab:Moderation:CommentsPerHour", "1000");
        // Mail goes to the database outbox, where tests read it (outside Development only when asked for).
        builder.UseSetting("Bylab:Email:UseOutbox", "true");
        // One certificate for every test host, outside the repository (two hosts on one database must share it).
        builder.UseSetting("Bylab:DataProtection:CertificatePath", KeyCertificateFile);
        // The identity provider's keys, likewise outside the repository and shared (a test class may name its own folder).
        builder.UseSetting("Bylab:Oidc:KeysFolder", OidcKeysFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public BylabClient CreateBylabClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    /// <summary>One service call in a scope of its own: <c>WithAsync((VoteService v) => v.CastAsync(...))</c>.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>The Data Protection certificate of the test hosts: made by the first host that starts, then shared.</summary>
    public static readonly string KeyCertificateFile = Path.Combine(Path.GetTempPath(), "bylab-tests", "dataprotection-test.pfx");

    /// <summary>
    /// Messages in the development outbox sent to one address, newest last. Account mail is sent after the answer
    /// (MailQueue), so this waits until the queue has handed on everything queued so far.
    /// </summary>
    public async Task<List<OutboxMessage>> OutboxForAsync(string email)
    {
        await Services.GetRequiredService<MailQueue>().WhenIdleAsync();
        return await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());
    }

    /// <summary>Every message in the development outbox of this host, oldest first (after the mail queue is empty).</summary>
    public async Task<List<OutboxMessage>> AllOutboxAsync()
    {
        await Services.GetRequiredService<MailQueue>().WhenIdleAsync();
        return await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).OrderBy(m => m.Id).ToListAsync());
    }

    /// <summary>Gives a user an authenticator key and turns two-factor on; returns the key for <see cref="Totp"/>.</summary>
    public async Task<string> EnableTotpAsync(string email)
    {
        string key = "";
        await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        return key;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TestDatabase.Delete(DatabaseFile);
        }
    }
}

public static class TestData
{
    public const string Password = "lange gode passord for test";

    public static string UniqueEmail(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}@test.bylab.no";

    /// <summary>A title with a short unique tail, for tests that share a host's database.</summary>
    public static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..Math.Min(title.Length + 9, 100)];
}
