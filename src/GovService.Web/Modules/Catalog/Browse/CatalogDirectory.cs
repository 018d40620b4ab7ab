using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Browse;

internal sealed class CatalogDirectory(GovDbContext db, CatalogQueries queries) : ICatalogDirectory
{
    public Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken = default) => queries.FiguresAsync(cancellationToken);

    public Task<PublishedItem?> FindPublishedAsync(string basicCode, CancellationToken cancellationToken = default) =>
        (from v in db.Set<ItemVersion>().AsNoTracking()
         join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
         where i.BasicCode == basicCode && v.Status == VersionStatus.Published
         select new PublishedItem(i.Id, v.Id, v.Number, i.BasicCode, v.Name, v.CaseKind, v.PromisedLimit, v.PromisedUnit == TimeUnit.WorkingDay,
             v.StatutoryLimit, v.StatutoryUnit == TimeUnit.WorkingDay, v.VisitsNeeded, i.DepartmentId))
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedMaterial>> MaterialsAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        await db.Set<Material>().AsNoTracking().Where(m => m.VersionId == versionId).OrderBy(m => m.Position)
            .Select(m => new PublishedMaterial(m.Position, m.Name, m.Required, m.DeficiencyAllowed, m.Originals, m.Copies, m.LicenceType))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ItemChoice>> SearchPublishedAsync(string? query, CancellationToken cancellationToken = default) =>
        (await queries.SearchAsync(new SearchFilter(query, PageSize: 30), cancellationToken)).Items
            .Select(i => new ItemChoice(i.BasicCode, i.Name, i.ImplementingBody, i.CaseKind))
            .ToList();

    public async Task<IReadOnlyList<PublishedField>> FieldsAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        (await db.Set<FormField>().AsNoTracking().Where(f => f.VersionId == versionId).OrderBy(f => f.Position).ToListAsync(cancellationToken))
            .Select(f => new PublishedField(f.Key, f.Label, f.Kind.ToString(), f.Required, f.Options, f.Help))
            .ToList();

    public async Task<PublishedBundle?> FindBundleAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Set<Bundle>().AsNoTracking().Where(b => b.Code == code && b.IsPublished)
            .Select(b => new PublishedBundle(b.Code, b.Name, b.ItemCodes))
            .FirstOrDefaultAsync(cancellationToken);

    public string MaterialKey(string name) => CatalogQueries.MaterialKey(name);
}
