using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Hall.Live;

/// <summary>
/// The hall's live channel (<c>/hubs/hall</c>, no login): a calling display joins its hall's group and receives every
/// call; a rating device joins its window's group with the window's device key and is switched between "serving"
/// and the rating prompt. Clients only listen; every change is made by a use case and sent by <see cref="HallBroadcast"/>.
/// </summary>
public sealed class HallHub(GovDbContext db) : Hub
{
    public static string HallGroup(Guid hallId) => $"hall:{hallId}";

    public static string DeviceGroup(Guid windowId) => $"device:{windowId}";

    public Task WatchHall(Guid hallId) => Groups.AddToGroupAsync(Context.ConnectionId, HallGroup(hallId));

    /// <summary>Joins a window's device group when the key is the window's; otherwise nothing happens.</summary>
    public async Task<bool> WatchDevice(Guid windowId, string key)
    {
        var device = await db.Set<WindowDevice>().AsNoTracking().FirstOrDefaultAsync(d => d.WindowId == windowId);
        if (device is null || !device.Holds(key))
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, DeviceGroup(windowId));
        return true;
    }
}
