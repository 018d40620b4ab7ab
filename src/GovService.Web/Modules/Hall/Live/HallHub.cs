using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Queries;
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

/// <summary>What a hall's screens and a window's device are told, after the change has committed.</summary>
public sealed class HallBroadcast(IHubContext<HallHub> hub, IServiceScopeFactory scopes, ILogger<HallBroadcast> logger)
{
    /// <summary>A call (or recall) to a window: the screens speak it and show it; the window's device shows who serves.</summary>
    public async Task CalledAsync(Ticket ticket, CancellationToken ct)
    {
        var call = new CallShown(ticket.Code, ticket.WindowNumber ?? 0, Shared.Identity.NameMask.Mask(ticket.PersonName, organisation: false), ticket.CalledAt ?? DateTimeOffset.UtcNow);
        await SendAsync(HallHub.HallGroup(ticket.HallId), "called", new { call, state = await StateAsync(ticket.HallId, ct) }, ct);
        if (ticket.WindowId is { } window)
        {
            await SendAsync(HallHub.DeviceGroup(window), "serving", new { code = ticket.Code, staffName = ticket.StaffName }, ct);
        }
    }

    public async Task QueueChangedAsync(Guid hallId, CancellationToken ct) =>
        await SendAsync(HallHub.HallGroup(hallId), "queue", new { state = await StateAsync(hallId, ct) }, ct);

    /// <summary>Service ended: the device asks for 好差评 (with a case) or goes back to idle.</summary>
    public Task FinishedAsync(Guid windowId, Ticket ticket, CancellationToken ct) =>
        ticket.Rating == TicketRating.Awaiting
            ? SendAsync(HallHub.DeviceGroup(windowId), "rate", new { ticketId = ticket.Id, code = ticket.Code, staffName = ticket.StaffName }, ct)
            : SendAsync(HallHub.DeviceGroup(windowId), "idle", new { }, ct);

    public Task IdleAsync(Guid windowId, CancellationToken ct) => SendAsync(HallHub.DeviceGroup(windowId), "idle", new { }, ct);

    private async Task<DisplayState?> StateAsync(Guid hallId, CancellationToken ct)
    {
        // Its own scope: the state is read after the use case's transaction, on a fresh context.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QueueQueries>().DisplayAsync(hallId, ct);
    }

    private async Task SendAsync(string group, string method, object payload, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(group).SendAsync(method, payload, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; a screen that missed it catches up on its next event or reload.
            logger.LogWarning(e, "Hall broadcast {Method} to {Group} failed", method, group);
        }
    }
}
