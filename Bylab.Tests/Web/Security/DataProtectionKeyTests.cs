using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// The Data Protection keys (which sign cookies, antiforgery tokens and reset links) lie in the database encrypted
/// with a certificate kept outside it: a copy of the database alone does not give them away.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task KeysInTheDatabaseAreEncryptedWithTheCertificate()
    {
        using var factory = new BylabFactory();
        using var client = factory.CreateBylabClient();
        await client.GetPageAsync("/konto/logg-inn");

        var xml = Assert.Single(await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync()));
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }
}
