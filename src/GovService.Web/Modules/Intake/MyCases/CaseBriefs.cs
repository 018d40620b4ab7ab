using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.MyCases;

internal sealed class CaseBriefs(GovDbContext db) : ICaseBriefs
{
    public async Task<IReadOnlyList<CaseBrief>> OfAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default) =>
        caseIds.Count == 0 ? [] : await Briefs(db.Set<Case>().Where(c => caseIds.Contains(c.Id))).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CaseBrief>> OfApplicantAsync(string idNumber, CancellationToken cancellationToken = default) =>
        await Briefs(db.Set<Case>().Where(c => c.ApplicantIdNumber == idNumber && c.State != CaseState.Draft)).Take(100).ToListAsync(cancellationToken);

    private static IQueryable<CaseBrief> Briefs(IQueryable<Case> cases) =>
        cases.AsNoTracking()
            .OrderByDescending(c => c.SubmittedAt ?? c.CreatedAt)
            .Select(c => new CaseBrief(c.Id, c.Number, c.ItemName, c.ApplicantName, c.State, c.SubmittedAt ?? c.AcceptedAt, c.PromisedDueDate));
}
