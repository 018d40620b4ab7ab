using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Admin;

public sealed record AdminItemRow(ServiceItem Item, ItemVersion? Published, ItemVersion? Draft, ItemVersion Latest);

public sealed record EditPage(ServiceItem Item, ItemVersion Draft, GuideForm Guide, MaterialForm NewMaterial, FieldForm NewField, IReadOnlyList<LintProblem> Problems, IReadOnlyDictionary<Guid, CatalogFile> Files);

/// <summary>The administrators' catalog pages: every item with its published, draft and latest version; a draft's edit page; the history.</summary>
public sealed class CatalogAdminQueries(GovDbContext db)
{
    public async Task<List<AdminItemRow>> RowsAsync(string? q, CancellationToken ct)
    {
        var items = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Versions).OrderBy(i => i.BasicCode).ToListAsync(ct);
        return items
            .Select(i => new AdminItemRow(
                i,
                i.Versions.FirstOrDefault(v => v.Status == VersionStatus.Published),
                i.Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft),
                i.Versions.OrderByDescending(v => v.Number).First()))
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Latest.Name.Contains(q.Trim(), StringComparison.Ordinal) || r.Item.BasicCode.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The draft's edit page, with the names and sizes (not the contents) of its materials' files.</summary>
    public async Task<EditPage> EditPageAsync(ServiceItem item, ItemVersion draft, GuideForm guide, MaterialForm? material, FieldForm? field, IReadOnlyList<LintProblem> problems, CancellationToken ct)
    {
        var fileIds = draft.Materials.SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>().ToList();
        var files = await db.Set<CatalogFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id))
            .Select(f => new CatalogFile { Id = f.Id, FileName = f.FileName, Size = f.Size })
            .ToDictionaryAsync(f => f.Id, ct);
        return new EditPage(item, draft, guide, material ?? new MaterialForm(), field ?? new FieldForm(), problems, files);
    }

    /// <summary>The item with every version, newest first; null for an unknown code.</summary>
    public async Task<ServiceItem?> HistoryAsync(string code, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.BasicCode == code, ct);
        if (item is not null)
        {
            item.Versions = [.. item.Versions.OrderByDescending(v => v.Number)];
        }

        return item;
    }
}
