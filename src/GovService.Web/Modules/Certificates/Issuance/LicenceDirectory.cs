using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Issuance;

internal sealed class LicenceDirectory(GovDbContext db) : ILicenceDirectory
{
    public async Task<IReadOnlyList<LicenceSummary>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default) =>
        (await db.Set<Licence>().AsNoTracking().Where(l => l.CaseId != null && caseIds.Contains(l.CaseId.Value)).ToListAsync(cancellationToken))
            .Select(l => new LicenceSummary(l.Id, l.CaseId!.Value, l.Name, l.Number, l.Identifier, l.State.ToString()))
            .ToList();

    public async Task<IReadOnlyList<LicenceSummary>> ValidForHolderAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var wallet = new List<LicenceSummary>();
        await foreach (var l in ValidOfHolder(db, userId).WithCancellation(cancellationToken))
        {
            wallet.Add(new LicenceSummary(l.Id, l.CaseId ?? Guid.Empty, l.Name, l.Number, l.Identifier, l.State.ToString()));
        }

        return wallet;
    }

    public async Task<IReadOnlyList<ReplaceableLicence>?> ReplaceableAsync(string basicCode, Guid userId, CancellationToken cancellationToken = default)
    {
        var typeCode = await db.Set<LicenceType>().Where(t => t.BasicCode == basicCode).Select(t => t.TypeCode).FirstOrDefaultAsync(cancellationToken);
        if (typeCode is null)
        {
            return null;
        }

        return (await db.Set<Licence>().AsNoTracking()
                .Where(l => l.HolderUserId == userId && l.TypeCode == typeCode && l.State == LicenceState.Valid)
                .OrderByDescending(l => l.IssuedOn).ThenBy(l => l.Number)
                .ToListAsync(cancellationToken))
            .Select(l => new ReplaceableLicence(l.Id, l.Name, l.Number, l.HolderName, l.ValidUntil, l.FaceData))
            .ToList();
    }

    /// <summary>Compiled once: every application form page shows the applicant's wallet.</summary>
    private static readonly Func<GovDbContext, Guid, IAsyncEnumerable<Licence>> ValidOfHolder =
        EF.CompileAsyncQuery<GovDbContext, Guid, Licence>((db, userId) =>
            db.Set<Licence>().AsNoTracking().Where(l => l.HolderUserId == userId && l.State == LicenceState.Valid).OrderByDescending(l => l.IssuedOn));
}
