using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Writes the guide into the draft, unless someone saved it since the editor opened it.</summary>
public sealed class SaveGuide(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>Null when saved; otherwise why not (a concurrent edit).</summary>
    public async Task<string?> RunAsync(ServiceItem item, ItemVersion draft, GuideForm form, CancellationToken ct)
    {
        db.Entry(draft).Property(v => v.RowVersion).OriginalValue = form.RowVersion;
        form.ApplyTo(draft);
        draft.RefreshSearchText(item.BasicCode, item.ImplementationCode);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return l["Common.ConcurrentEdit"];
        }
    }
}
