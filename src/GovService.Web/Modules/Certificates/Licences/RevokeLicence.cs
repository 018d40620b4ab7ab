using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Licences;

public enum RevokeOutcome
{
    Revoked = 1,

    /// <summary>No such licence, or the reader may not revoke it: answered like one that does not exist.</summary>
    NotFound = 2,

    /// <summary>No reason, a reason over its bound, or a licence no longer valid: nothing changed.</summary>
    Refused = 3,
}

/// <summary>吊销: by the issuing department (a reviewer of it) or an administrator, with the reason; verification says revoked at once.</summary>
public sealed class RevokeLicence(GovDbContext db, LicenceAccess access, TimeProvider clock, ILogger<RevokeLicence> logger)
{
    public async Task<RevokeOutcome> RunAsync(Guid id, LicenceReader reader, string? reason, bool reasonWithinBounds, string? by, CancellationToken ct)
    {
        var licence = await db.Set<Licence>().FirstOrDefaultAsync(x => x.Id == id, ct);
        var (_, mayRevoke) = licence is null ? (false, false) : await access.ForAsync(licence, reader, ct);
        if (licence is null || !mayRevoke)
        {
            return RevokeOutcome.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason) || !reasonWithinBounds || licence.State != LicenceState.Valid)
        {
            return RevokeOutcome.Refused;
        }

        licence.Revoke(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Licence {Identifier} revoked by {User}", licence.Identifier, by);
        return RevokeOutcome.Revoked;
    }
}
