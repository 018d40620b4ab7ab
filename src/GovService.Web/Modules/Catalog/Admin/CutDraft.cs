using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Cuts a draft from the published version (or opens the existing draft); false for an unknown item.</summary>
public sealed class CutDraft(GovDbContext db, CatalogEditor editor)
{
    public async Task<bool> RunAsync(string code, string user, CancellationToken ct)
    {
        var item = await editor.FindItemAsync(code, ct);
        if (item is null)
        {
            return false;
        }

        await editor.GetOrCreateDraftAsync(item, user, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
