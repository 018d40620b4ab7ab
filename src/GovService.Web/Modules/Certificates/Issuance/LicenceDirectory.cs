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

    /// <summary>Compiled once: every application form page shows the applicant's wallet.</summary>
    private static readonly Func<GovDbContext, Guid, IAsyncEnumerable<Licence>> ValidOfHolder =
        EF.CompileAsyncQuery<GovDbContext, Guid, Licence>((db, userId) =>
            db.Set<Licence>().AsNoTracking().Where(l => l.HolderUserId == userId && l.State == LicenceState.Valid).OrderByDescending(l => l.IssuedOn));
}
