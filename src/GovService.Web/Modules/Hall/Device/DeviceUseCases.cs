using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Hall.Device;

/// <summary>
/// 配对评价器: the hall's chief representative makes a window's device key. The key is shown once, inside the device
/// address to open on the tablet; making a new one retires the old (a lost or replaced tablet).
/// </summary>
public sealed class PairDevice(GovDbContext db, TimeProvider clock)
{
    public async Task<string> RunAsync(WindowInfo window, StaffPlacement chief, CancellationToken ct)
    {
        var key = WindowDevice.NewKey();
        var device = await db.Set<WindowDevice>().FirstOrDefaultAsync(d => d.WindowId == window.Id, ct);
        if (device is null)
        {
            device = new WindowDevice { WindowId = window.Id };
            db.Add(device);
        }

        device.HallId = window.HallId;
        device.WindowNumber = window.Number;
        device.KeyHash = WindowDevice.Hash(key);
        device.PairedByStaffId = chief.StaffId;
        device.PairedAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
        return key;
    }
}

/// <summary>What the device shows now: nothing, who serves, or the rating prompt of the service just finished.</summary>
public sealed record DeviceState(Guid WindowId, int WindowNumber, string Mode, string? Code, string? StaffName, Guid? TicketId);

public enum DeviceRateOutcome
{
    Rated,
    NotFound,
    Invalid,
    AlreadyRated,
}

/// <summary>
/// The window's rating device: its state, and the citizen's 好差评 of the service just finished — through
/// Supervision's window rating, the online path, so a 差评 opens the same rectification work order. One rating per
/// service: the ticket is asked once, and the rating itself is unique per step.
/// </summary>
public sealed class RateAtDevice(GovDbContext db, IWindowRatings ratings, HallBroadcast broadcast, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int CommentMax = 500;

    public async Task<WindowDevice?> DeviceAsync(Guid windowId, string? key, CancellationToken ct) =>
        await db.Set<WindowDevice>().AsNoTracking().FirstOrDefaultAsync(d => d.WindowId == windowId, ct) is { } device && device.Holds(key) ? device : null;

    public async Task<DeviceState> StateAsync(WindowDevice device, CancellationToken ct)
    {
        var today = clock.Today();
        var latest = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.WindowId == device.WindowId && t.Day == today && (t.State == TicketState.Called || t.State == TicketState.Serving || t.State == TicketState.Finished))
            .OrderBy(t => t.State == TicketState.Called || t.State == TicketState.Serving ? 0 : 1).ThenByDescending(t => t.FinishedAt)
            .FirstOrDefaultAsync(ct);
        return latest switch
        {
            { State: TicketState.Called or TicketState.Serving } t => new DeviceState(device.WindowId, device.WindowNumber, "serving", t.Code, t.StaffName, null),
            { State: TicketState.Finished, Rating: TicketRating.Awaiting } t => new DeviceState(device.WindowId, device.WindowNumber, "rate", t.Code, t.StaffName, t.Id),
            _ => new DeviceState(device.WindowId, device.WindowNumber, "idle", null, null, null),
        };
    }

    public async Task<(DeviceRateOutcome Outcome, string? Error)> RunAsync(WindowDevice device, Guid ticketId, int level, string? comment, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.WindowId == device.WindowId && t.State == TicketState.Finished, ct);
        if (ticket?.CaseId is not { } caseId)
        {
            return (DeviceRateOutcome.NotFound, null);
        }

        if (ticket.Rating == TicketRating.Rated)
        {
            return (DeviceRateOutcome.AlreadyRated, l["Rating.AlreadyRated"]);
        }

        var (outcome, error) = await ratings.RateLatestWindowServiceAsync(caseId, level, comment, ct);
        if (outcome is WindowRatingOutcome.Invalid)
        {
            return (DeviceRateOutcome.Invalid, error);
        }

        if (outcome is WindowRatingOutcome.NotFound)
        {
            return (DeviceRateOutcome.NotFound, l["Hall.DeviceCannotRate"]);
        }

        try
        {
            ticket.Rated();
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is TicketTransitionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }

        await broadcast.IdleAsync(device.WindowId, ct);
        return outcome is WindowRatingOutcome.AlreadyRated ? (DeviceRateOutcome.AlreadyRated, error) : (DeviceRateOutcome.Rated, null);
    }
}
