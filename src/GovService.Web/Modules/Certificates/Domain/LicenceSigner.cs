using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Certificates.Domain;

public sealed class SigningOptions
{
    /// <summary>PEM of the ECDSA P-256 private key (PKCS#8 or SEC1), e.g. from an environment variable or a secret store.</summary>
    public string? KeyPem { get; set; }

    /// <summary>A file holding that PEM (readable only by the service account); used when <see cref="KeyPem"/> is empty.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Development and tests: create the key file when it does not exist. Never in production.</summary>
    public bool GenerateIfMissing { get; set; }
}

/// <summary>
/// Signs licences with the platform's ECDSA P-256 key (configured outside the repository and the database)
/// and verifies them with the public key, which is published for offline verification.
/// </summary>
public sealed class LicenceSigner : IDisposable
{
    private readonly ECDsa _key;

    public LicenceSigner(IOptions<SigningOptions> options)
    {
        _key = ECDsa.Create();
        _key.ImportFromPem(LoadPem(options.Value));
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>JOSE's name for ECDSA over P-256 with SHA-256 (RFC 7518 §3.4), whose signature format is r‖s as here.</summary>
    public const string Algorithm = "ES256";

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    public string Sign(Licence licence) =>
        Convert.ToBase64String(_key.SignData(LicenceCanonicalForm.Of(licence), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public bool Verify(Licence licence) => Verify(PublicKeyPem, licence);

    /// <summary>What an offline verifier does: the published key, the canonical form, the signature.</summary>
    public static bool Verify(string publicKeyPem, Licence licence)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(publicKeyPem);
            return key.VerifyData(LicenceCanonicalForm.Of(licence), Convert.FromBase64String(licence.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();

    private static string LoadPem(SigningOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyPem))
        {
            return options.KeyPem;
        }

        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            throw new InvalidOperationException("No licence signing key: set Certificates:Signing:KeyPem or Certificates:Signing:KeyFile (see docs/operations.md).");
        }

        if (!File.Exists(options.KeyFile))
        {
            if (!options.GenerateIfMissing)
            {
                throw new InvalidOperationException($"The licence signing key file {options.KeyFile} does not exist (see docs/operations.md).");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.KeyFile))!);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(options.KeyFile, created.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(options.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(options.KeyFile);
    }
}
