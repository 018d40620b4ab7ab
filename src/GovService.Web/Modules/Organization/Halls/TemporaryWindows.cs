using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Halls;

/// <summary>
/// 临时窗口 of a hall (<see cref="ITemporaryWindows"/>): one per category and day, reopened from the category's earlier
/// temporary window when there is one, so the hall's window numbers do not grow with every busy morning.
/// </summary>
internal sealed class TemporaryWindows(GovDbContext db) : ITemporaryWindows
{
    public async Task<WindowInfo> OpenAsync(Guid hallId, WindowCategory category, string name, DateOnly day, CancellationToken cancellationToken = default)
    {
        var windows = await db.Set<ServiceWindow>().Where(w => w.HallId == hallId).ToListAsync(cancellationToken);
        var window = windows.FirstOrDefault(w => w.IsTemporary && w.Category == category && w.IsOpenOn(day))
                     ?? windows.Where(w => w.IsTemporary && w.Category == category).OrderBy(w => w.Number).FirstOrDefault();
        if (window is null)
        {
            window = ServiceWindow.Temporary(hallId, windows.Select(w => w.Number).DefaultIfEmpty(0).Max() + 1, name, category, day);
            db.Add(window);
        }
        else if (!window.IsOpenOn(day))
        {
            window.Reopen(day);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WindowInfo(window.Id, hallId, window.Number, window.Name, category, Temporary: true);
    }

    public async Task<bool> CloseAsync(Guid hallId, Guid windowId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var window = await db.Set<ServiceWindow>().SingleOrDefaultAsync(w => w.Id == windowId && w.HallId == hallId, cancellationToken);
        if (window is not { IsTemporary: true, ClosedAt: null })
        {
            return false;
        }

        window.CloseTemporary(at);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
