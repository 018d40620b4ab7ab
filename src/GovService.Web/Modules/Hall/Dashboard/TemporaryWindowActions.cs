using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Hall.Dashboard;

/// <summary>What opening or closing a temporary window came to: the window, or the message why nothing changed.</summary>
public sealed record TemporaryWindowResult(WindowInfo? Window, string? Error = null);

/// <summary>
/// 临时窗口 from the hall's dashboard, one click each: the chief representative opens one for a category whose queue is
/// too long (the category's open alert is answered with it and the hall's clerks are told in their inbox), and closes it
/// when the crowd is gone. Opening and closing queue on the hall's advisory lock, so a double click opens one window;
/// closing takes the window's lock exclusively, which <see cref="Calling.CallNext"/> takes shared, so a window is never
/// closed under a call and a call never lands on a closed window.
/// </summary>
public sealed class TemporaryWindowActions(GovDbContext db, ITemporaryWindows windows, IOrganizationDirectory organization, INotifications notifications, HallBroadcast broadcast, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The advisory-lock classes: a hall's temporary windows, and one window (shared by call-next).</summary>
    public const int HallLock = 0x4A11;
    public const int WindowLock = 0x4A12;

    public async Task<TemporaryWindowResult> OpenAsync(StaffPlacement chief, WindowCategory category, CancellationToken ct)
    {
        var hallId = chief.HallId!.Value;
        var standing = await organization.WindowsOfHallAsync(hallId, ct);
        if (!standing.Any(w => !w.Temporary && w.Category == category))
        {
            return new TemporaryWindowResult(null, l["Hall.CategoryNotHere"]);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HallLock}, hashtext({hallId.ToString()}))", ct);
        var already = (await organization.WindowsOfHallAsync(hallId, ct)).FirstOrDefault(w => w.Temporary && w.Category == category);
        var what = l[$"WindowCategory.{category}"].Value;
        var window = already ?? await windows.OpenAsync(hallId, category, l["Hall.Temporary.Name", what].Value, today, ct);
        var alert = await db.Set<CrowdAlert>().FirstOrDefaultAsync(a => a.HallId == hallId && a.Category == category && a.ClearedAt == null, ct);
        alert?.Answer(window.Id, window.Number, now);
        await db.SaveChangesAsync(ct);
        if (already is null)
        {
            var clerks = (await organization.StaffOfHallAsync(hallId, ct)).Where(s => !s.IsHead).ToList();
            await notifications.PostAsync(
                [.. clerks.Select(c => new Notice($"hall:temporary-window:{window.Id}:{now.UtcTicks}:{c.UserId}", c.UserId, null,
                    l["Hall.Temporary.OpenedTitle", window.Number].Value,
                    l["Hall.Temporary.OpenedBody", chief.Name, window.Number, what].Value,
                    $"/hall/desk/windows/{window.Id}"))],
                ct);
        }

        await transaction.CommitAsync(ct);
        await broadcast.QueueChangedAsync(hallId, ct);
        return already is null ? new TemporaryWindowResult(window) : new TemporaryWindowResult(window, l["Hall.Temporary.AlreadyOpen", window.Number]);
    }

    public async Task<TemporaryWindowResult> CloseAsync(StaffPlacement chief, Guid windowId, CancellationToken ct)
    {
        var hallId = chief.HallId!.Value;
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HallLock}, hashtext({hallId.ToString()}))", ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WindowLock}, hashtext({windowId.ToString()}))", ct);
        var window = (await organization.WindowsOfHallAsync(hallId, ct)).FirstOrDefault(w => w.Id == windowId && w.Temporary);
        if (window is null)
        {
            return new TemporaryWindowResult(null, l["Hall.Temporary.NotOpen"]);
        }

        if (await db.Set<Ticket>().AnyAsync(t => t.WindowId == windowId && (t.State == TicketState.Called || t.State == TicketState.Serving), ct))
        {
            return new TemporaryWindowResult(window, l["Hall.Temporary.Busy", window.Number]);
        }

        await windows.CloseAsync(hallId, windowId, now, ct);
        await transaction.CommitAsync(ct);
        await broadcast.QueueChangedAsync(hallId, ct);
        return new TemporaryWindowResult(window);
    }
}
