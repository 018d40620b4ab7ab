using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>What anyone learns by checking a licence: genuine or not, and if genuine its status.</summary>
public sealed record Verification(string Identifier, bool Genuine, string Status, Licence? Licence)
{
    /// <summary>valid, revoked, expired, superseded or not-genuine.</summary>
    public static Verification NotGenuine(string identifier) => new(identifier, false, "not-genuine", null);
}

/// <summary>
/// Verifies an identifier: its check character, that the platform issued it, and that the stored licence
/// still matches its signature (so a tampered record is reported as not genuine too); then its status.
/// </summary>
public sealed class LicenceVerification(GovDbContext db, LicenceSigner signer, TimeProvider clock)
{
    public async Task<Verification> VerifyAsync(string? identifier, string? signature, CancellationToken ct)
    {
        identifier = (identifier ?? "").Trim().ToUpperInvariant();
        if (!LicenceIdentifier.IsValid(identifier))
        {
            return Verification.NotGenuine(identifier);
        }

        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier, ct);
        if (licence is null || !signer.Verify(licence) || (!string.IsNullOrEmpty(signature) && signature != licence.Signature))
        {
            return Verification.NotGenuine(identifier);
        }

        var status = licence.State switch
        {
            LicenceState.Revoked => "revoked",
            LicenceState.Superseded => "superseded",
            _ when licence.State == LicenceState.Expired || licence.ValidUntil < clock.Today() => "expired",
            _ => "valid",
        };
        return new Verification(identifier, true, status, licence);
    }
}
