using System.Text;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>The exact bytes a licence is signed over and its signature, for a relying party to check offline with the published key.</summary>
public sealed record SignedLicence(string Algorithm, string KeyId, byte[] Payload, string Signature)
{
    public string Canonical => Encoding.UTF8.GetString(Payload);
}

/// <summary>What anyone learns by checking a licence: genuine or not, and if genuine its status and its signed form.</summary>
public sealed record Verification(string Identifier, string Code, bool Genuine, string Status, Licence? Licence, SignedLicence? SignedContent)
{
    /// <summary>valid, revoked, expired, superseded or not-genuine.</summary>
    public static Verification NotGenuine(string identifier, string code) => new(identifier, code, false, "not-genuine", null, null);
}

/// <summary>
/// Verifies an identifier with its verification code (核验码): the check character, that the platform issued a licence
/// with this identifier and this code, and that the stored licence still matches its signature (so a tampered record
/// is reported as not genuine too); then its status. An unknown identifier, a missing or wrong code and a tampered
/// record all answer the same "not genuine", after the same single indexed query, so the answer never tells whether
/// an identifier exists to someone who does not hold the licence.
/// </summary>
public sealed class LicenceVerification(GovDbContext db, LicenceSigner signer, TimeProvider clock)
{
    public async Task<Verification> VerifyAsync(string? identifier, string? code, CancellationToken ct)
    {
        identifier = (identifier ?? "").Trim().ToUpperInvariant();
        var typed = (code ?? "").Trim();
        if (!LicenceIdentifier.IsValid(identifier))
        {
            // Malformed: the check character is public arithmetic, so saying so tells nothing about issued licences.
            return Verification.NotGenuine(identifier, typed);
        }

        var normalized = LicenceVerificationCode.Normalize(code) ?? "";
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier && l.VerificationCode == normalized, ct);
        if (licence is null || licence.SignedForm != LicenceCanonicalForm.Current || !signer.Verify(licence))
        {
            return Verification.NotGenuine(identifier, typed);
        }

        var status = licence.State switch
        {
            LicenceState.Revoked => "revoked",
            LicenceState.Superseded => "superseded",
            _ when licence.State == LicenceState.Expired || licence.ValidUntil < clock.Today() => "expired",
            _ => "valid",
        };
        return new Verification(identifier, normalized, true, status, licence, new SignedLicence(LicenceSigner.Algorithm, licence.KeyId, LicenceCanonicalForm.Of(licence), licence.Signature));
    }
}
