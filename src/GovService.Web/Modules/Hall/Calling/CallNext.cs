using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Hall.Calling;

/// <summary>What a window action came to: the ticket it concerned, or the message why nothing changed.</summary>
public sealed record DeskResult(Ticket? Ticket, string? Error = null)
{
    /// <summary>No such ticket in this hall today: the page answers 404.</summary>
    public bool Missing { get; init; }
}

/// <summary>
/// 叫号: the window takes the next ticket of the category it serves (<see cref="QueueOrder"/>). The candidate row is
/// locked with <c>FOR UPDATE SKIP LOCKED</c>, so twenty windows pressing at once each get a different ticket and none is
/// called twice; a window already calling or serving someone is refused (and a partial unique index holds that under a
/// race). In the same transaction the tickets now <see cref="HallOptions.TextWhenAhead"/> or fewer from the front are
/// sent their 无声叫号 text message (once per ticket, by the message key).
/// </summary>
public sealed class CallNext(GovDbContext db, IOrganizationDirectory organization, INotifications notifications, HallBroadcast broadcast, IOptions<HallOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<DeskResult> RunAsync(WindowInfo window, StaffPlacement clerk, CancellationToken ct)
    {
        if (await db.Set<Ticket>().AnyAsync(t => t.WindowId == window.Id && (t.State == TicketState.Called || t.State == TicketState.Serving), ct))
        {
            return new DeskResult(null, l["Hall.WindowBusy"]);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (window.Temporary && !await StillOpenAsync(window, ct))
        {
            return new DeskResult(null, l["Hall.Temporary.NotOpen"]);
        }

        var next = await db.Set<Ticket>()
            .FromSql($"""
                SELECT *, xmin FROM gov.hal_tickets
                WHERE hall_id = {window.HallId} AND day = {today} AND category = {(int)window.Category} AND state = {(int)TicketState.Waiting}
                ORDER BY rank, queued_at, sequence
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct) is [var first] ? first : null;
        if (next is null)
        {
            return new DeskResult(null, l["Hall.NobodyWaiting"]);
        }

        next.Call(window.Id, window.Number, clerk.StaffId, clerk.Name, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another post of this window called first (the unique index), or the row changed under us.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new DeskResult(null, l["Hall.WindowBusy"]);
        }

        await TextTheNearAsync(window.HallId, today, window.Category, ct);
        await transaction.CommitAsync(ct);
        await broadcast.CalledAsync(next, ct);
        return new DeskResult(next);
    }

    /// <summary>
    /// A temporary window may be closed from the dashboard: the call holds the window's lock shared (closing takes it
    /// exclusively) and then sees whether the window still serves.
    /// </summary>
    private async Task<bool> StillOpenAsync(WindowInfo window, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({Dashboard.TemporaryWindowActions.WindowLock}, hashtext({window.Id.ToString()}))", ct);
        return (await organization.WindowsOfHallAsync(window.HallId, ct)).Any(w => w.Id == window.Id);
    }

    /// <summary>无声叫号: waiting tickets with a mobile number that are now near the front.</summary>
    private async Task TextTheNearAsync(Guid hallId, DateOnly day, WindowCategory category, CancellationToken ct)
    {
        var near = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.HallId == hallId && t.Day == day && t.Category == category && t.State == TicketState.Waiting)
            .OrderBy(t => t.Rank).ThenBy(t => t.QueuedAt).ThenBy(t => t.Sequence)
            .Take(options.Value.TextWhenAhead + 1)
            .Where(t => t.Mobile != null)
            .ToListAsync(ct);
        var ahead = options.Value.TextWhenAhead;
        await notifications.PostAsync(
            [.. near.Select(t => new Notice($"hall:ticket:{t.Id}:near", null, t.Mobile, "", "", "",
                l["Hall.NearText", t.Code, t.HallName, ahead].Value))],
            ct);
    }
}
