using GovService.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Domain;

/// <summary>
/// The version rules of the catalog: one draft and one published version per item at most; a
/// published version is never edited (a draft is cut from it); publishing runs the lint and
/// supersedes the previous published version, which stays readable in the history.
/// </summary>
public sealed class CatalogEditor(GovDbContext db, TimeProvider clock, ILogger<CatalogEditor> logger)
{
    public Task<ServiceItem?> FindItemAsync(string basicCode, CancellationToken ct) =>
        db.Set<ServiceItem>().Include(i => i.Versions).FirstOrDefaultAsync(i => i.BasicCode == basicCode, ct);

    public Task<ItemVersion?> LoadVersionAsync(Guid versionId, CancellationToken ct) =>
        db.Set<ItemVersion>().Include(v => v.Materials).Include(v => v.Fields).FirstOrDefaultAsync(v => v.Id == versionId, ct);

    /// <summary>The item and its draft (materials and fields in their order), tracked for editing; the draft is null when there is none.</summary>
    public async Task<(ServiceItem? Item, ItemVersion? Draft)> DraftOfAsync(string basicCode, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().FirstOrDefaultAsync(i => i.BasicCode == basicCode, ct);
        if (item is null)
        {
            return (null, null);
        }

        var draft = await db.Set<ItemVersion>().Include(v => v.Materials).Include(v => v.Fields)
            .FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Status == VersionStatus.Draft, ct);
        if (draft is not null)
        {
            draft.Materials = [.. draft.Materials.OrderBy(m => m.Position)];
            draft.Fields = [.. draft.Fields.OrderBy(f => f.Position)];
        }

        return (item, draft);
    }

    public ServiceItem CreateItem(string basicCode, string implementationCode, Guid departmentId, string user)
    {
        var item = new ServiceItem
        {
            BasicCode = basicCode,
            ImplementationCode = implementationCode,
            DepartmentId = departmentId,
            CreatedAt = clock.GetUtcNow(),
        };
        item.Versions.Add(new ItemVersion { ItemId = item.Id, Number = 1, CreatedAt = clock.GetUtcNow(), CreatedBy = user });
        db.Add(item);
        return item;
    }

    /// <summary>The item's draft, cut from the published (or latest) version when there is none yet.</summary>
    public async Task<ItemVersion> GetOrCreateDraftAsync(ServiceItem item, string user, CancellationToken ct)
    {
        var versions = await db.Set<ItemVersion>().Where(v => v.ItemId == item.Id).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Status == VersionStatus.Draft) is { } draft)
        {
            return (await LoadVersionAsync(draft.Id, ct))!;
        }

        var basis = versions.FirstOrDefault(v => v.Status == VersionStatus.Published) ?? versions.OrderByDescending(v => v.Number).First();
        var source = (await LoadVersionAsync(basis.Id, ct))!;
        var copy = Clone(source, versions.Max(v => v.Number) + 1, user);
        db.Add(copy);
        return copy;
    }

    /// <summary>Publishes a draft when the lint finds nothing; otherwise returns the problems and changes nothing.</summary>
    public async Task<IReadOnlyList<LintProblem>> PublishAsync(ItemVersion draft, string user, CancellationToken ct)
    {
        draft.EnsureEditable();
        var problems = PublishLint.Check(draft);
        if (problems.Count > 0)
        {
            return problems;
        }

        var previous = await db.Set<ItemVersion>().Where(v => v.ItemId == draft.ItemId && v.Status == VersionStatus.Published).ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Status = VersionStatus.Superseded;
        }

        // The superseded version must leave "published" before the draft enters it: one published version per item (unique index).
        await db.SaveChangesAsync(ct);
        draft.Status = VersionStatus.Published;
        draft.PublishedAt = clock.GetUtcNow();
        draft.PublishedBy = user;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Catalog item version {VersionId} (v{Number}) published by {User}", draft.Id, draft.Number, user);
        return [];
    }

    /// <summary>Withdraws the item from the catalog, with the reason; its versions stay readable in the history.</summary>
    public async Task<bool> RetireAsync(ServiceItem item, string reason, string user, CancellationToken ct)
    {
        var published = await db.Set<ItemVersion>().FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Status == VersionStatus.Published, ct);
        if (published is null)
        {
            return false;
        }

        published.Retire(reason, user, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Catalog item version {VersionId} (v{Number}) retired by {User}", published.Id, published.Number, user);
        return true;
    }

    private ItemVersion Clone(ItemVersion source, int number, string user)
    {
        var copy = (ItemVersion)db.Entry(source).CurrentValues.ToObject();
        copy.Id = Guid.CreateVersion7();
        copy.Number = number;
        copy.Status = VersionStatus.Draft;
        copy.CreatedAt = clock.GetUtcNow();
        copy.CreatedBy = user;
        copy.PublishedAt = null;
        copy.PublishedBy = null;
        copy.RetiredAt = null;
        copy.RetiredBy = null;
        copy.RetireReason = null;
        copy.RowVersion = 0;
        copy.ServiceObjects = [.. source.ServiceObjects];
        copy.Themes = [.. source.Themes];
        copy.Keywords = [.. source.Keywords];
        copy.Channels = [.. source.Channels];
        copy.Fees = source.Fees.Select(f => new Fee { Name = f.Name, Standard = f.Standard, Basis = f.Basis, Reduction = f.Reduction }).ToList();
        copy.Faq = source.Faq.Select(q => new Question { Text = q.Text, Answer = q.Answer }).ToList();
        copy.Materials = source.Materials.Select(m =>
        {
            var material = (Material)db.Entry(m).CurrentValues.ToObject();
            material.Id = Guid.CreateVersion7();
            material.VersionId = copy.Id;
            return material;
        }).ToList();
        copy.Fields = source.Fields.Select(f =>
        {
            var field = (FormField)db.Entry(f).CurrentValues.ToObject();
            field.Id = Guid.CreateVersion7();
            field.VersionId = copy.Id;
            field.Options = [.. f.Options];
            return field;
        }).ToList();
        return copy;
    }
}
