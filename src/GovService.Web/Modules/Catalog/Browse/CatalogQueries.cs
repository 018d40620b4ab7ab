using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Browse;

public sealed record SearchFilter(string? Q = null, Audience? Audience = null, string? Theme = null, Guid? DepartmentId = null, int? Level = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public SearchFilter Normalized() => this with
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 50)],
        Page = Paging.Clamp(Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
    };
}

public sealed record ItemSummary(
    string BasicCode,
    string Name,
    string ImplementingBody,
    string ItemType,
    int Level,
    int CaseKind,
    int PromisedLimit,
    TimeUnit PromisedUnit,
    int StatutoryLimit,
    int VisitsNeeded,
    int OnlineDepth,
    string[] Themes,
    int[] ServiceObjects,
    Frequency Frequency,
    int Version);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record Guide(ServiceItem Item, ItemVersion Version, IReadOnlyDictionary<Guid, CatalogFile> Files, IReadOnlyList<ItemVersion> History, IReadOnlyList<Bundle> Bundles)
{
    /// <summary>The halls that handle the item (those with a window of its category), with their service hours.</summary>
    public IReadOnlyList<Contracts.ItemHall> Halls { get; init; } = [];
}

public sealed record CombinedMaterial(string Name, MaterialSource Source, string IssuingBody, int Originals, int Copies, bool Required, string LicenceType, IReadOnlyList<string> NeededBy);

public sealed record CombinedField(string Key, string Label, FieldKind Kind, bool Required, string[] Options, IReadOnlyList<string> NeededBy);

public sealed record BundleGuide(Bundle Bundle, IReadOnlyList<(ServiceItem Item, ItemVersion Version)> Items, IReadOnlyList<CombinedMaterial> Materials, IReadOnlyList<CombinedField> Fields, int MaterialsBeforeMerge);

/// <summary>Read side of the catalog: search, guides, bundles, figures. Only published versions are public.</summary>
public sealed class CatalogQueries(GovDbContext db, IEnumerable<Contracts.IItemHalls> itemHalls)
{
    private static readonly int[] LegalObjects = [2, 3, 4, 6];

    private IQueryable<ItemVersion> Published => db.Set<ItemVersion>().AsNoTracking().Where(v => v.Status == VersionStatus.Published);

    public async Task<PageOf<ItemSummary>> SearchAsync(SearchFilter filter, CancellationToken ct)
    {
        filter = filter.Normalized();
        var query = Matching(filter);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(x => x.Version.Frequency).ThenBy(x => x.Item.BasicCode)
            .Skip(Paging.Offset(filter.Page, filter.PageSize)).Take(filter.PageSize)
            .Select(x => new ItemSummary(x.Item.BasicCode, x.Version.Name, x.Version.ImplementingBodyName, x.Version.ItemType, x.Version.Level, x.Version.CaseKind, x.Version.PromisedLimit, x.Version.PromisedUnit,
                x.Version.StatutoryLimit, x.Version.VisitsNeeded, x.Version.OnlineDepth, x.Version.Themes, x.Version.ServiceObjects, x.Version.Frequency, x.Version.Number))
            .ToListAsync(ct);
        return new PageOf<ItemSummary>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>
    /// The guide of an item: the published version, or the given version number. Drafts only when
    /// <paramref name="includeDrafts"/> (the administrator's preview).
    /// </summary>
    public async Task<Guide?> GuideAsync(string basicCode, int? number, bool includeDrafts, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.BasicCode == basicCode, ct);
        if (item is null)
        {
            return null;
        }

        var history = await db.Set<ItemVersion>().AsNoTracking().Where(v => v.ItemId == item.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var chosen = number is { } n
            ? history.FirstOrDefault(v => v.Number == n && (includeDrafts || v.Status != VersionStatus.Draft))
            : history.FirstOrDefault(v => v.Status == VersionStatus.Published) ?? (includeDrafts ? history.FirstOrDefault(v => v.Status == VersionStatus.Draft) : null);
        if (chosen is null)
        {
            return null;
        }

        var version = await db.Set<ItemVersion>().AsNoTracking().Include(v => v.Materials).Include(v => v.Fields).FirstAsync(v => v.Id == chosen.Id, ct);
        version.Materials = [.. version.Materials.OrderBy(m => m.Position)];
        version.Fields = [.. version.Fields.OrderBy(f => f.Position)];
        var fileIds = version.Materials.SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>().ToList();
        var files = await db.Set<CatalogFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id))
            .Select(f => new CatalogFile { Id = f.Id, FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256 })
            .ToDictionaryAsync(f => f.Id, ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Where(b => b.IsPublished && b.ItemCodes.Contains(basicCode)).ToListAsync(ct);
        var halls = new List<Contracts.ItemHall>();
        if (version.InHall)
        {
            foreach (var source in itemHalls)
            {
                halls.AddRange(await source.ForCategoryAsync(version.WindowCategory, ct));
            }
        }

        return new Guide(item, version, files, includeDrafts ? history : history.Where(v => v.Status != VersionStatus.Draft).ToList(), bundles) { Halls = halls };
    }

    /// <summary>A downloadable file, if some non-draft guide offers it (or any file for administrators).</summary>
    public async Task<CatalogFile?> FileAsync(Guid id, bool includeDrafts, CancellationToken ct)
    {
        var offered = includeDrafts || await (from m in db.Set<Material>()
                                              join v in db.Set<ItemVersion>() on m.VersionId equals v.Id
                                              where v.Status != VersionStatus.Draft && (m.BlankFormFileId == id || m.SampleFileId == id)
                                              select m.Id).AnyAsync(ct);
        return offered ? await db.Set<CatalogFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) : null;
    }

    public Task<List<Bundle>> BundlesAsync(CancellationToken ct) =>
        db.Set<Bundle>().AsNoTracking().Where(b => b.IsPublished).OrderBy(b => b.Code).ToListAsync(ct);

    public async Task<BundleGuide?> BundleAsync(string code, CancellationToken ct)
    {
        var bundle = await db.Set<Bundle>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code && b.IsPublished, ct);
        if (bundle is null)
        {
            return null;
        }

        var rows = await (from v in Published.Include(v => v.Materials).Include(v => v.Fields)
                          join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
                          where bundle.ItemCodes.Contains(i.BasicCode)
                          select new { i, v }).ToListAsync(ct);
        var items = bundle.ItemCodes
            .Select(c => rows.FirstOrDefault(r => r.i.BasicCode == c))
            .Where(r => r is not null)
            .Select(r => (r!.i, r.v))
            .ToList();

        var allMaterials = items.SelectMany(x => x.v.Materials.OrderBy(m => m.Position).Select(m => (Item: x.v.Name, Material: m))).ToList();
        var materials = allMaterials
            .GroupBy(x => MaterialKey(x.Material.Name))
            .Select(g => new CombinedMaterial(
                g.First().Material.Name,
                g.First().Material.Source,
                g.First().Material.IssuingBody,
                g.Max(x => x.Material.Originals),
                g.Max(x => x.Material.Copies),
                g.Any(x => x.Material.Required),
                g.Select(x => x.Material.LicenceType).FirstOrDefault(t => t.Length > 0) ?? "",
                g.Select(x => x.Item).Distinct().ToList()))
            .ToList();
        var fields = items.SelectMany(x => x.v.Fields.OrderBy(f => f.Position).Select(f => (Item: x.v.Name, Field: f)))
            .GroupBy(x => x.Field.Key)
            .Select(g => new CombinedField(g.Key, g.First().Field.Label, g.First().Field.Kind, g.Any(x => x.Field.Required), g.First().Field.Options, g.Select(x => x.Item).Distinct().ToList()))
            .ToList();
        return new BundleGuide(bundle, items, materials, fields, allMaterials.Count);
    }

    /// <summary>Materials are the same when their names are, ignoring blanks and the kind of brackets (（）/()).</summary>
    internal static string MaterialKey(string name) =>
        new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('（', '(').Replace('）', ')');

    public async Task<CatalogFigures> FiguresAsync(CancellationToken ct)
    {
        var rows = await Published.Select(v => new { v.OnlineDepth, v.InHall, v.WindowCategory, v.VisitsNeeded, v.CaseKind }).ToListAsync(ct);
        return new CatalogFigures(
            rows.Count,
            rows.Count(r => r.OnlineDepth >= 3),
            rows.Count(r => r.InHall),
            rows.Count(r => r.InHall && r.WindowCategory == Organization.Contracts.WindowCategory.Comprehensive),
            rows.Count(r => r.VisitsNeeded <= 1),
            rows.Count(r => r.VisitsNeeded == 0),
            rows.Count(r => r.CaseKind == 1));
    }

    /// <summary>Departments (by id) that implement at least one published item, with the count.</summary>
    public Task<Dictionary<Guid, int>> ItemsPerDepartmentAsync(CancellationToken ct) => ItemsPerDepartmentAsync(new SearchFilter(), ct);

    /// <summary>
    /// The department facet of a search: per department, how many published items match everything the search asks
    /// except the department itself — so each count is what clicking that department shows.
    /// </summary>
    public async Task<Dictionary<Guid, int>> ItemsPerDepartmentAsync(SearchFilter filter, CancellationToken ct) =>
        await (from x in Matching(filter.Normalized() with { DepartmentId = null })
               group x.Item by x.Item.DepartmentId into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private IQueryable<Match> Matching(SearchFilter filter)
    {
        var query = from v in Published
                    join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
                    select new Match { Version = v, Item = i };
        if (filter.Q is { } q)
        {
            var pattern = "%" + q.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.Like(x.Version.SearchText, pattern));
        }

        if (filter.Audience == Audience.Personal)
        {
            query = query.Where(x => x.Version.ServiceObjects.Contains(1));
        }
        else if (filter.Audience == Audience.Legal)
        {
            query = query.Where(x => x.Version.ServiceObjects.Any(o => LegalObjects.Contains(o)));
        }

        if (filter.Theme is { Length: > 0 } theme)
        {
            query = query.Where(x => x.Version.Themes.Contains(theme));
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(x => x.Item.DepartmentId == department);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(x => x.Version.Level == level);
        }

        return query;
    }

    private sealed class Match
    {
        public required ItemVersion Version { get; init; }

        public required ServiceItem Item { get; init; }
    }
}
