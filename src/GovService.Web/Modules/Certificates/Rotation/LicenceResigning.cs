using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Rotation;

/// <summary>What a re-signing run did.</summary>
public sealed record ResignResult(int Resigned, int AlreadyCurrent, IReadOnlyList<string> Refused);

/// <summary>
/// Signing-key rotation: every stored licence is signed again with the key the portal is configured with now.
/// A licence is re-signed only when its present signature is genuine under the previous key (or already under
/// the new one); a record changed in the database since it was signed is refused and listed, so a rotation never
/// turns a tampered licence into a genuine-looking one. Each re-signed licence goes through the audit trail.
/// </summary>
public sealed class LicenceResigning(GovDbContext db, LicenceSigner signer, ILogger<LicenceResigning> logger)
{
    private const int BatchSize = 500;

    public async Task<ResignResult> ResignAsync(string previousPublicKeyPem, CancellationToken ct = default)
    {
        var resigned = 0;
        var current = 0;
        var refused = new List<string>();
        Guid? after = null;
        while (true)
        {
            var batch = await db.Set<Licence>()
                .Where(l => after == null || l.Id.CompareTo(after.Value) > 0)
                .OrderBy(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var licence in batch)
            {
                if (licence.KeyId == signer.KeyId && licence.SignedForm == LicenceCanonicalForm.Current && signer.Verify(licence))
                {
                    current++;
                }
                else if (LicenceSigner.Verify(previousPublicKeyPem, licence))
                {
                    // Verified over the form it was signed in, signed again over the current one.
                    licence.SignedForm = LicenceCanonicalForm.Current;
                    licence.Signature = signer.Sign(licence);
                    licence.KeyId = signer.KeyId;
                    resigned++;
                }
                else
                {
                    refused.Add(licence.Identifier);
                    logger.LogWarning("Licence {Identifier} not re-signed: its signature is not genuine under the previous key", licence.Identifier);
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        logger.LogInformation("Licences re-signed with key {KeyId}: {Resigned} re-signed, {Current} already current, {Refused} refused", signer.KeyId, resigned, current, refused.Count);
        return new ResignResult(resigned, current, refused);
    }
}
