using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bylab.Core.Data;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class OidcOptions
{
    public const string Section = "Bylab:Oidc";

    /// <summary>
    /// The folder of the identity provider's signing and encryption keys, outside the repository. Empty: "oidc-keys" in
    /// the data folder, beside the database. Every key file in it is loaded; the newest of each kind signs or encrypts.
    /// </summary>
    public string? KeysFolder { get; set; }
}

/// <summary>
/// The identity provider's keys: self-signed RSA certificates (certificate and private key in one PEM file, mode 600)
/// in a folder outside the repository, made on first start when the folder has none. Rotation is adding a newer file
/// (<c>rotate-oidc-keys</c>, then a restart): OpenIddict signs and encrypts with the certificate that expires last,
/// while every older one stays published in the JWKS and accepted for validation and decryption until its file is
/// removed, so tokens issued before the rotation keep working.
/// </summary>
public static class OidcKeys
{
    public const string SigningPrefix = "signing-";
    public const string EncryptionPrefix = "encryption-";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2 * 365);

    public static string Folder(IConfiguration configuration, IWebHostEnvironment env)
    {
        var configured = configuration[$"{OidcOptions.Section}:KeysFolder"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, env.ContentRootPath);
        }
        var dataFolder = configuration[$"{DatabaseOptions.Section}:DataFolder"] ?? new DatabaseOptions().DataFolder;
        return Path.Combine(Path.GetFullPath(dataFolder, env.ContentRootPath), "oidc-keys");
    }

    /// <summary>The certificates of one kind, newest first; one is made when there is none.</summary>
    public static IReadOnlyList<X509Certificate2> Load(string folder, string prefix)
    {
        Directory.CreateDirectory(folder);
        if (!Directory.EnumerateFiles(folder, prefix + "*.pem").Any())
        {
            Generate(folder, prefix, DateTimeOffset.UtcNow);
        }
        var certificates = new List<X509Certificate2>();
        foreach (var path in Directory.EnumerateFiles(folder, prefix + "*.pem"))
        {
            try
            {
                var pem = File.ReadAllText(path);
                // Through PKCS#12 so the private key is usable on every platform (an ephemeral PEM key is not on Windows).
                using var loaded = X509Certificate2.CreateFromPem(pem, pem);
                certificates.Add(X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), null));
            }
            catch (CryptographicException e)
            {
                throw new OptionsValidationException(OidcOptions.Section, typeof(OidcOptions),
                    [$"The key file '{path}' could not be read as a PEM certificate with its private key: {e.Message}"]);
            }
        }
        return certificates.OrderByDescending(c => c.NotAfter).ToList();
    }

    /// <summary>Writes a new signing and a new encryption key (the rotation); the next start uses them.</summary>
    public static IReadOnlyList<string> Rotate(string folder, DateTimeOffset now) =>
        [Generate(folder, SigningPrefix, now), Generate(folder, EncryptionPrefix, now)];

    private static string Generate(string folder, string prefix, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var signing = prefix == SigningPrefix;
        var request = new CertificateRequest($"CN=Bylab OpenID Connect {(signing ? "signing" : "encryption")} key", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        // Later keys expire later: OpenIddict prefers the certificate that expires last, so the newest signs.
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        var name = prefix + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".pem";
        var path = Path.Combine(folder, name);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
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
            File.Delete(temporary);
        }
        return path;
    }
}
