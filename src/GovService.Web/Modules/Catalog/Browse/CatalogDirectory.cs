using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GovService.Web.Modules.Catalog.Browse;

internal sealed class CatalogDirectory(GovDbContext db, CatalogQueries queries, IMemoryCache cache) : ICatalogDirectory
{
    public Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken = default) => queries.FiguresAsync(cancellationToken);

    public Task<PublishedItem?> FindPublishedAsync(string basicCode, CancellationToken cancellationToken = default) =>
        PublishedByCode(db, basicCode, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Guid>> DepartmentsByItemAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ServiceItem>().AsNoTracking().ToDictionaryAsync(i => i.BasicCode, i => i.DepartmentId, cancellationToken);

    /// <summary>Compiled once: every form page and every submission looks its item up (no expression tree to build and match per call).</summary>
    private static readonly Func<GovDbContext, string, CancellationToken, Task<PublishedItem?>> PublishedByCode =
        EF.CompileAsyncQuery((GovDbContext db, string basicCode, CancellationToken _) =>
            (from v in db.Set<ItemVersion>().AsNoTracking()
             join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
             where i.BasicCode == basicCode && v.Status == VersionStatus.Published
             select new PublishedItem(i.Id, v.Id, v.Number, i.BasicCode, v.Name, v.CaseKind, v.PromisedLimit, v.PromisedUnit == TimeUnit.WorkingDay,
                 v.StatutoryLimit, v.StatutoryUnit == TimeUnit.WorkingDay, v.VisitsNeeded, i.DepartmentId, v.BusinessKind, v.ReceivingPlaces))
            .FirstOrDefault());

    public Task<HallService?> HallServiceAsync(string basicCode, CancellationToken cancellationToken = default) =>
        (from v in db.Set<ItemVersion>().AsNoTracking()
         join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
         where i.BasicCode == basicCode && v.Status == VersionStatus.Published
         select new HallService(i.BasicCode, v.Name, v.WindowCategory, v.InHall, v.SupportsAppointment))
        .FirstOrDefaultAsync(cancellationToken);

    public Task<IReadOnlyList<PublishedMaterial>> MaterialsAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        ShapeOfAsync(versionId, "materials", async ct =>
            (IReadOnlyList<PublishedMaterial>)await db.Set<Material>().AsNoTracking().Where(m => m.VersionId == versionId).OrderBy(m => m.Position)
                .Select(m => new PublishedMaterial(m.Position, m.Name, m.Required, m.DeficiencyAllowed, m.Originals, m.Copies, m.LicenceType))
                .ToListAsync(ct),
            cancellationToken);

    public Task<ItemAuthority?> AuthorityAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        db.Set<ItemVersion>().AsNoTracking().Where(v => v.Id == versionId && v.Status != VersionStatus.Draft)
            .Select(v => new ItemAuthority(v.ImplementingBodyName, v.ImplementingBodyCode, v.LegalBasis))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ItemChoice>> SearchPublishedAsync(string? query, CancellationToken cancellationToken = default) =>
        (await queries.SearchAsync(new SearchFilter(query, PageSize: 30), cancellationToken)).Items
            .Select(i => new ItemChoice(i.BasicCode, i.Name, i.ImplementingBody, i.CaseKind))
            .ToList();

    public Task<IReadOnlyList<PublishedField>> FieldsAsync(Guid versionId, CancellationToken cancellationToken = default) =>
        ShapeOfAsync(versionId, "fields", async ct =>
            (IReadOnlyList<PublishedField>)(await db.Set<FormField>().AsNoTracking().Where(f => f.VersionId == versionId).OrderBy(f => f.Position).ToListAsync(ct))
                .Select(f => new PublishedField(f.Key, f.Label, f.Kind.ToString(), f.Required, f.Options, f.Help))
                .ToList(),
            cancellationToken);

    public async Task<PublishedBundle?> FindBundleAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Set<Bundle>().AsNoTracking().Where(b => b.Code == code && b.IsPublished)
            .Select(b => new PublishedBundle(b.Code, b.Name, b.ItemCodes))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedBundle>> BundlesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Bundle>().AsNoTracking().Where(b => b.IsPublished).OrderBy(b => b.Name)
            .Select(b => new PublishedBundle(b.Code, b.Name, b.ItemCodes))
            .ToListAsync(cancellationToken);

    public string MaterialKey(string name) => CatalogQueries.MaterialKey(name);

    /// <summary>
    /// The materials or fields of a version, kept in memory once the version is out of draft: a published
    /// (superseded, retired) version is never edited again (<see cref="CatalogEditor"/>), so what was read
    /// stays true for as long as the process runs. Every form page and every submission reads them; a
    /// draft's are always read from the database.
    /// </summary>
    private async Task<T> ShapeOfAsync<T>(Guid versionId, string part, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var key = (typeof(CatalogDirectory), part, versionId);
        if (cache.TryGetValue(key, out T? known) && known is not null)
        {
            return known;
        }

        // Out of draft before the read, so the read cannot see a draft's edit.
        var frozen = await db.Set<ItemVersion>().AnyAsync(v => v.Id == versionId && v.Status != VersionStatus.Draft, cancellationToken);
        var value = await read(cancellationToken);
        if (frozen)
        {
            cache.Set(key, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return value;
    }
}
