using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Removes a material or an application field from an item's draft; false when the draft has no such one.</summary>
public sealed class RemoveFromDraft(GovDbContext db, CatalogEditor editor)
{
    public Task<bool> MaterialAsync(string code, Guid id, CancellationToken ct) => RunAsync(code, draft => draft.Materials.FirstOrDefault(m => m.Id == id), ct);

    public Task<bool> FieldAsync(string code, Guid id, CancellationToken ct) => RunAsync(code, draft => draft.Fields.FirstOrDefault(f => f.Id == id), ct);

    private async Task<bool> RunAsync(string code, Func<ItemVersion, object?> find, CancellationToken ct)
    {
        var (_, draft) = await editor.DraftOfAsync(code, ct);
        if (draft is null || find(draft) is not { } part)
        {
            return false;
        }

        db.Remove(part);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
