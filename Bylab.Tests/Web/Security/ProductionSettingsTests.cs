using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Outside Development the site is strict about its settings: it does not start without SMTP (unless the operator
/// opts in to the database outbox) or without a key that protects the Data Protection keys (unless opted out), and it
/// answers only to the public host.
/// </summary>
public sealed class ProductionSettingsTests
{
    public const string PublicUrl = "https://bylab.hamar.example";

    /// <summary>The app in the Production environment over plain HTTP, with the settings a test asks for.</summary>
    public class ProductionFactory(params (string Key, string? Value)[] settings) : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:Security:RequireHttps", "false"), new("Bylab:Site:PublicUrl", PublicUrl), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void WithoutSmtpTheSiteDoesNotStartUnlessTheOutboxIsChosen()
    {
        using var factory = new ProductionFactory(("Bylab:Email:UseOutbox", "false"), ("Bylab:DataProtection:AllowUnprotectedKeys", "true"));
        var message = StartFailure.Of(factory);
        Assert.Contains("Bylab:Email:Smtp:Host", message);
        Assert.Contains("Bylab:Email:UseOutbox", message);
    }

    [Fact]
    public void WithoutAKeyProtectionCertificateTheSiteDoesNotStartUnlessOptedOut()
    {
        using var factory = new ProductionFactory(("Bylab:DataProtection:CertificatePath", ""), ("Bylab:DataProtection:AllowUnprotectedKeys", "false"));
        var message = StartFailure.Of(factory);
        Assert.Contains("Bylab:DataProtection:CertificatePath", message);
        Assert.Contains("Bylab:DataProtection:AllowUnprotectedKeys", message);
    }

    [Fact]
    public async Task OnlyThePublicHostIsServed()
    {
        using var factory = new ProductionFactory(("Bylab:DataProtection:AllowUnprotectedKeys", "true"));
        using var real = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://bylab.hamar.example"), AllowAutoRedirect = false });
        using var evil = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/konto/passord/glemt")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await evil.GetAsync("/konto/passord/glemt")).StatusCode);
    }
}
