using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Halls;

/// <summary>Adds a window to a hall; its number is unique in the hall.</summary>
public sealed class AddWindow(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(WindowForm form, CancellationToken ct)
    {
        if (!await db.Set<ServiceHall>().AnyAsync(h => h.Id == form.HallId, ct))
        {
            throw new KeyNotFoundException($"No hall {form.HallId}.");
        }

        if (await db.Set<ServiceWindow>().AnyAsync(w => w.HallId == form.HallId && w.Number == form.Number, ct))
        {
            return [new(nameof(form.Number), l["Window.Number.Taken"])];
        }

        db.Add(new ServiceWindow { HallId = form.HallId, Number = form.Number, Name = form.Name.Trim(), Category = form.Category });
        return await db.SaveEditsAsync(l, ct);
    }
}
