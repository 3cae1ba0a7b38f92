using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bylab.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class KeyProtectionOptions
{
    public const string Section = "Bylab:DataProtection";

    /// <summary>
    /// A PKCS#12 file (.pfx) with a certificate and its private key. The Data Protection keys in the database are
    /// encrypted with it, so a copy of the database alone gives them away to nobody. In Development and Testing a
    /// self-signed one is made on first start when this is empty (under the data folder).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (user secrets or the environment, never the repository).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Outside Development and Testing, start without a certificate and keep the keys unencrypted: an explicit, documented choice.</summary>
    public bool AllowUnprotectedKeys { get; set; }
}

/// <summary>
/// Data Protection keys in the database (shared by every instance), encrypted with a certificate kept outside it
/// (ASVS 6.4). Outside Development and Testing the site does not start without one unless an operator opts out; a
/// bad setting stops the start with a message that names it (as every Bylab setting does).
/// </summary>
public static class KeyProtection
{
    public static IServiceCollection AddBylabDataProtection(this IServiceCollection services, IWebHostEnvironment env, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("Bylab")
            .PersistKeysToDbContext<BylabDbContext>();

        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var generateWhenMissing = env.IsDevelopment() || env.IsEnvironment("Testing");
        var path = options.CertificatePath;
        if (string.IsNullOrWhiteSpace(path) && generateWhenMissing)
        {
            var dataFolder = configuration[$"{DatabaseOptions.Section}:DataFolder"] ?? new DatabaseOptions().DataFolder;
            path = Path.Combine(Path.GetFullPath(dataFolder, env.ContentRootPath), "keys", "dataprotection.pfx");
        }
        if (!string.IsNullOrWhiteSpace(path))
        {
            builder.ProtectKeysWithCertificate(Load(path, options.CertificatePassword, generateWhenMissing));
        }
        else if (!options.AllowUnprotectedKeys)
        {
            throw Failure($"{KeyProtectionOptions.Section}:CertificatePath is not set, so the Data Protection keys would lie unencrypted in the database. "
                + $"Name a .pfx certificate file there (and {KeyProtectionOptions.Section}:CertificatePassword if it has one), "
                + $"or set {KeyProtectionOptions.Section}:AllowUnprotectedKeys=true to accept unencrypted keys.");
        }
        return services;
    }

    private static X509Certificate2 Load(string path, string? password, bool generateWhenMissing)
    {
        if (!File.Exists(path))
        {
            if (!generateWhenMissing)
            {
                throw Failure($"{KeyProtectionOptions.Section}:CertificatePath names a file that does not exist ('{path}').");
            }
            Generate(path);
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw Failure($"{KeyProtectionOptions.Section}:CertificatePath ('{path}') could not be read as a .pfx file with "
                + $"{KeyProtectionOptions.Section}:CertificatePassword: {e.Message}");
        }
        return certificate.HasPrivateKey
            ? certificate
            : throw Failure($"{KeyProtectionOptions.Section}:CertificatePath ('{path}') holds no private key: the keys could be encrypted but never read.");
    }

    /// <summary>A self-signed RSA certificate, written so that two hosts starting at once end up with the same file.</summary>
    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Bylab Data Protection (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host made it first: use theirs.
            File.Delete(temporary);
        }
    }

    private static OptionsValidationException Failure(string message) =>
        new(KeyProtectionOptions.Section, typeof(KeyProtectionOptions), [message]);
}
