using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Browse;

internal sealed class CatalogDirectory(GovDbContext db) : ICatalogDirectory
{
    public Task<PublishedItem?> FindPublishedAsync(string basicCode, CancellationToken cancellationToken = default) =>
        (from v in db.Set<ItemVersion>().AsNoTracking()
         join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
         where i.BasicCode == basicCode && v.Status == VersionStatus.Published
         select new PublishedItem(i.Id, v.Id, v.Number, i.BasicCode, v.Name, v.CaseKind, v.PromisedLimit, v.PromisedUnit == TimeUnit.WorkingDay,
             v.StatutoryLimit, v.StatutoryUnit == TimeUnit.WorkingDay, v.VisitsNeeded, i.DepartmentId))
        .FirstOrDefaultAsync(cancellationToken);
}
