using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Rotation;

/// <summary>
/// At start-up (with the seeders, under their lock, so one instance does it): licences still signed over an older
/// canonical form are signed again over the current one — the form public verification hands out — when their
/// signature is genuine under the configured key. A licence whose record changed since it was signed keeps its old
/// signature, so it still verifies as not genuine; it is logged for an operator (docs/operations.md). Nothing to do
/// once every licence is in the current form: one indexed query.
/// </summary>
internal sealed class LicenceFormUpgrade(GovDbContext db, LicenceSigner signer, ILogger<LicenceFormUpgrade> logger) : ISeeder
{
    private const int BatchSize = 500;

    /// <summary>After the licence types: the last reference data step.</summary>
    public int Order => 90;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        Guid? after = null;
        var (upgraded, refused) = (0, 0);
        while (true)
        {
            var batch = await db.Set<Licence>()
                .Where(l => l.SignedForm < LicenceCanonicalForm.Current && (after == null || l.Id.CompareTo(after.Value) > 0))
                .OrderBy(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var licence in batch)
            {
                if (signer.Verify(licence))
                {
                    licence.SignedForm = LicenceCanonicalForm.Current;
                    licence.Signature = signer.Sign(licence);
                    licence.KeyId = signer.KeyId;
                    upgraded++;
                }
                else
                {
                    refused++;
                    logger.LogWarning("Licence {Identifier} kept in signed form {Form}: its signature is not genuine under key {KeyId}", licence.Identifier, licence.SignedForm, signer.KeyId);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        if (upgraded + refused > 0)
        {
            logger.LogInformation("Licences signed again in form {Form}: {Upgraded}; left as they were (not genuine): {Refused}", LicenceCanonicalForm.Current, upgraded, refused);
        }
    }
}
