using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Account;

/// <summary>
/// Whether an address has an account cannot be learned from the login, registration and reset forms: the same
/// answers, the same work (a password hash is checked or made whether or not the account exists, which is what
/// makes the time alike – counted here, never timed), and account mail is sent after the answer, off the request.
/// </summary>
public sealed class AccountEnumerationTests(AccountEnumerationTests.CountingFactory factory) : IClassFixture<AccountEnumerationTests.CountingFactory>
{
    /// <summary>The app with a password hasher that counts its work, and a mail sender that can be held up.</summary>
    public sealed class CountingFactory : BylabFactory
    {
        public CountingHasher Hasher { get; } = new();
        public GatedSender Sender { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<IPasswordHasher<BylabUser>>(Hasher);
                s.AddSingleton<IEmailSender>(sp =>
                {
                    Sender.Outbox = sp.GetRequiredService<OutboxEmailSender>();
                    return Sender;
                });
            });
        }
    }

    public sealed class CountingHasher : IPasswordHasher<BylabUser>
    {
        private readonly PasswordHasher<BylabUser> _inner = new();
        private int _hashes, _verifications;
        public int Hashes => _hashes;
        public int Verifications => _verifications;

        public string HashPassword(BylabUser user, string password)
        {
            Interlocked.Increment(ref _hashes);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(BylabUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Sends into the outbox, but waits while the gate is closed (a slow mail server).</summary>
    public sealed class GatedSender : IEmailSender
    {
        public OutboxEmailSender? Outbox { get; set; }

        private volatile TaskCompletionSource _gate = Open();
        private static TaskCompletionSource Open() { var t = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously); t.SetResult(); return t; }

        public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _gate.TrySetResult();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            await _gate.Task;
            await Outbox!.SendAsync(message, cancellationToken);
        }
    }

    private static Dictionary<string, string> Login(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    private async Task<BylabUser> UnconfirmedAsync(string email)
    {
        var user = await factory.Users.CreateAsync(email: email, password: TestData.Password);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        return user;
    }

    [Fact]
    public async Task AWrongPasswordForAnUnconfirmedAccountIsAnsweredAsForAnUnknownAddress()
    {
        var email = TestData.UniqueEmail("ubekreftet");
        await UnconfirmedAsync(email);
        using var client = factory.CreateBylabClient();

        var unconfirmed = await BylabClient.ParseAsync(await client.SubmitAsync("/konto/logg-inn", Login(email, "feil passord her")));
        var unknown = await BylabClient.ParseAsync(await client.SubmitAsync("/konto/logg-inn", Login(TestData.UniqueEmail("ukjent"), "feil passord her")));

        Assert.Equal(["E-postadressen eller passordet er feil."], unconfirmed.ErrorSummary());
        Assert.Equal(unknown.ErrorSummary(), unconfirmed.ErrorSummary());

        // Only the right password learns that the address needs confirming.
        var right = await BylabClient.ParseAsync(await client.SubmitAsync("/konto/logg-inn", Login(email, TestData.Password)));
        Assert.Contains("bekrefte e-postadressen", Assert.Single(right.ErrorSummary()));
    }

    [Fact]
    public async Task AnUnknownAddressIsCheckedAgainstAPasswordHashLikeAKnownOne()
    {
        var known = TestData.UniqueEmail("kjent");
        await factory.Users.CreateAsync(email: known, password: TestData.Password);
        using var client = factory.CreateBylabClient();

        var before = factory.Hasher.Verifications;
        await client.SubmitAsync("/konto/logg-inn", Login(known, "feil passord her"));
        var forKnown = factory.Hasher.Verifications - before;
        before = factory.Hasher.Verifications;
        await client.SubmitAsync("/konto/logg-inn", Login(TestData.UniqueEmail("ukjent"), "feil passord her"));
        var forUnknown = factory.Hasher.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task RegistrationWithATakenAddressDoesTheSameWorkAndAnswersTheSame()
    {
        var taken = TestData.UniqueEmail("tatt");
        await factory.Users.CreateAsync(email: taken, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        Dictionary<string, string> Form(string email, string password) => new()
        {
            ["DisplayName"] = "Kari Nordmann", ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password, ["AcceptPrivacy"] = "true",
        };

        var before = factory.Hasher.Hashes;
        var forTaken = await client.SubmitAsync("/konto/registrer", Form(taken, "et langt nytt passord her"));
        var hashesForTaken = factory.Hasher.Hashes - before;
        before = factory.Hasher.Hashes;
        var forNew = await client.SubmitAsync("/konto/registrer", Form(TestData.UniqueEmail("ny"), "et langt nytt passord her"));
        var hashesForNew = factory.Hasher.Hashes - before;

        Assert.Equal((HttpStatusCode.Redirect, "/konto/sjekk-e-post"), (forTaken.StatusCode, forTaken.Headers.Location!.OriginalString));
        Assert.Equal((forTaken.StatusCode, forTaken.Headers.Location), (forNew.StatusCode, forNew.Headers.Location));
        Assert.Equal(1, hashesForNew);
        Assert.Equal(hashesForNew, hashesForTaken);

        // A password made of the address is refused alike, whether or not the address has an account.
        var refusedTaken = await BylabClient.ParseAsync(await client.SubmitAsync("/konto/registrer", Form(taken, taken)));
        var newAddress = TestData.UniqueEmail("ny");
        var refusedNew = await BylabClient.ParseAsync(await client.SubmitAsync("/konto/registrer", Form(newAddress, newAddress)));
        Assert.NotEmpty(refusedNew.ErrorSummary());
        Assert.Equal(refusedNew.ErrorSummary(), refusedTaken.ErrorSummary());
    }

    [Fact]
    public async Task AnUnknownAddressIsLockedOutAsAKnownOneIs()
    {
        var known = TestData.UniqueEmail("kjent");
        await factory.Users.CreateAsync(email: known, password: TestData.Password);
        var unknown = TestData.UniqueEmail("ukjent");
        using var client = factory.CreateBylabClient();

        foreach (var email in new[] { known, unknown })
        {
            string? heading = null;
            for (var i = 1; i <= 5; i++)
            {
                heading = (await BylabClient.ParseAsync(await client.SubmitAsync("/konto/logg-inn", Login(email, "feil passord " + i)))).QuerySelector("h1")!.TextContent.Trim();
            }
            Assert.Equal("Kontoen er midlertidig låst", heading);
        }
    }

    [Fact]
    public async Task AccountMailIsSentAfterTheAnswer()
    {
        var email = TestData.UniqueEmail("treg-post");
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/konto/passord/glemt");

        factory.Sender.Close();
        try
        {
            var post = client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = email });
            var answered = await Task.WhenAny(post, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(answered == post, "the answer waited for the mail server");
            Assert.Equal(HttpStatusCode.OK, (await post).StatusCode);
            Assert.Empty(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).ToListAsync()));
        }
        finally
        {
            factory.Sender.Release();
        }
        Assert.Single(await factory.OutboxForAsync(email));
    }
}
