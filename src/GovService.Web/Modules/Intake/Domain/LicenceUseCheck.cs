using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Domain;

internal sealed class LicenceUseCheck(GovDbContext db) : ILicenceUseCheck
{
    public Task<bool> UsedByHallAsync(Guid licenceId, Guid hallId, CancellationToken cancellationToken = default) =>
        (from r in db.Set<CaseLicenceRef>()
         join c in db.Set<Case>() on r.CaseId equals c.Id
         where r.LicenceId == licenceId && c.HallId == hallId
         select r.Id).AnyAsync(cancellationToken);
}
