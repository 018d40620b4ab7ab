using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Halls;

/// <summary>Removes a window of a hall; false when the hall has no such window.</summary>
public sealed class RemoveWindow(GovDbContext db)
{
    public async Task<bool> RunAsync(Guid hallId, Guid windowId, CancellationToken ct)
    {
        var window = await db.Set<ServiceWindow>().SingleOrDefaultAsync(w => w.Id == windowId && w.HallId == hallId, ct);
        if (window is null)
        {
            return false;
        }

        db.Remove(window);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
