using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Hall.Queries;

public sealed record QueuePosition(int Ahead, int EstimatedWaitMinutes);

/// <summary>A call as the public screens show it: the number, the window and the masked name.</summary>
public sealed record CallShown(string Code, int Window, string MaskedName, DateTimeOffset At);

public sealed record CategoryLine(WindowCategory Category, char Letter, int Waiting, int EstimatedWaitMinutes);

/// <summary>The calling display: the current call of each window, the last calls and the queues.</summary>
public sealed record DisplayState(Guid HallId, string HallName, IReadOnlyList<CallShown> Current, IReadOnlyList<CallShown> Recent, IReadOnlyList<CategoryLine> Queues);

/// <summary>The ticket slip (排队凭条).</summary>
public sealed record TicketSlip(Ticket Ticket, int Ahead, int EstimatedWaitMinutes, string MaskedName);

/// <summary>Wait (issued → first called) and service (started → finished) of the ticket a case came from.</summary>
public sealed record ServiceTimes(Guid TicketId, string Code, Guid CaseId, string? ItemCode, Guid? StaffId, string StaffName, TimeSpan? Wait, TimeSpan? Service);

/// <summary>Reads of the live queue: what is ahead of a ticket, the screens' state, slips and service times.</summary>
public sealed class QueueQueries(GovDbContext db, IOrganizationDirectory organization, IOptions<HallOptions> options, TimeProvider clock)
{
    public const int RecentCalls = 6;

    private IQueryable<Ticket> Tickets => db.Set<Ticket>().AsNoTracking();

    public async Task<QueuePosition> AheadAsync(Guid ticketId, CancellationToken ct)
    {
        var t = await Tickets.FirstAsync(x => x.Id == ticketId, ct);
        if (t.State != TicketState.Waiting)
        {
            return new QueuePosition(0, 0);
        }

        var ahead = await Tickets.CountAsync(
            x => x.HallId == t.HallId && x.Day == t.Day && x.Category == t.Category && x.State == TicketState.Waiting
                 && (x.Rank < t.Rank || (x.Rank == t.Rank && (x.QueuedAt < t.QueuedAt || (x.QueuedAt == t.QueuedAt && x.Sequence < t.Sequence)))),
            ct);
        return new QueuePosition(ahead, await WaitAsync(t.HallId, t.Day, t.Category, ahead, ct));
    }

    private async Task<int> WaitAsync(Guid hallId, DateOnly day, WindowCategory category, int ahead, CancellationToken ct)
    {
        var served = await Tickets.Where(x => x.HallId == hallId && x.Day == day && x.Category == category && x.State == TicketState.Finished && x.StartedAt != null)
            .Select(x => new { x.StartedAt, x.FinishedAt }).ToListAsync(ct);
        double? average = served.Count == 0 ? null : served.Average(x => (x.FinishedAt!.Value - x.StartedAt!.Value).TotalMinutes);
        var windows = (await organization.WindowsOfHallAsync(hallId, ct)).Count(w => w.Category == category);
        return QueueOrder.EstimatedWaitMinutes(ahead, average, options.Value.DefaultServiceMinutes, windows);
    }

    public async Task<TicketSlip?> SlipAsync(Guid ticketId, CancellationToken ct)
    {
        var t = await Tickets.FirstOrDefaultAsync(x => x.Id == ticketId, ct);
        if (t is null)
        {
            return null;
        }

        var ahead = await AheadAsync(t.Id, ct);
        return new TicketSlip(t, ahead.Ahead, ahead.EstimatedWaitMinutes, NameMask.Mask(t.PersonName, organisation: false));
    }

    /// <summary>The ticket a citizen's own booking became (到达签到取号); null for anyone else's.</summary>
    public async Task<TicketSlip?> OfAppointmentAsync(Guid accountId, Guid appointmentId, CancellationToken ct) =>
        await Tickets.Where(x => x.AppointmentId == appointmentId && x.AccountId == accountId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct) is { } id
            ? await SlipAsync(id, ct)
            : null;

    public async Task<DisplayState?> DisplayAsync(Guid hallId, CancellationToken ct)
    {
        var hall = (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == hallId);
        if (hall is null)
        {
            return null;
        }

        var today = clock.Today();
        var called = await Tickets.Where(x => x.HallId == hallId && x.Day == today && x.FirstCalledAt != null)
            .OrderByDescending(x => x.CalledAt ?? x.FirstCalledAt).Take(40)
            .Select(x => new { x.Code, x.WindowNumber, x.PersonName, x.State, At = x.CalledAt ?? x.FirstCalledAt })
            .ToListAsync(ct);
        CallShown Shown(string code, int window, string name, DateTimeOffset? at) => new(code, window, NameMask.Mask(name, organisation: false), at!.Value);
        var current = called.Where(x => x.WindowNumber != null && x.State is TicketState.Called or TicketState.Serving)
            .OrderBy(x => x.WindowNumber).Select(x => Shown(x.Code, x.WindowNumber!.Value, x.PersonName, x.At)).ToList();
        var recent = called.Where(x => x.WindowNumber != null).Take(RecentCalls).Select(x => Shown(x.Code, x.WindowNumber!.Value, x.PersonName, x.At)).ToList();
        var waiting = await Tickets.Where(x => x.HallId == hallId && x.Day == today && x.State == TicketState.Waiting)
            .GroupBy(x => x.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var queues = new List<CategoryLine>();
        foreach (var category in (await organization.WindowsOfHallAsync(hallId, ct)).Select(w => w.Category).Distinct().Order())
        {
            var count = waiting.GetValueOrDefault(category);
            queues.Add(new CategoryLine(category, QueueOrder.Letter(category), count, await WaitAsync(hallId, today, category, count, ct)));
        }

        return new DisplayState(hallId, hall.Name, current, recent, queues);
    }

    /// <summary>The ticket a window calls or serves now.</summary>
    public Task<Ticket?> AtWindowAsync(Guid windowId, CancellationToken ct) =>
        Tickets.Where(x => x.WindowId == windowId && (x.State == TicketState.Called || x.State == TicketState.Serving)).FirstOrDefaultAsync(ct);

    /// <summary>Absent tickets of today that may still go back into the queue (过号 once), latest first.</summary>
    public async Task<IReadOnlyList<Ticket>> AbsentAsync(Guid hallId, CancellationToken ct)
    {
        var today = clock.Today();
        return await Tickets.Where(x => x.HallId == hallId && x.Day == today && x.State == TicketState.NoShow && !x.Requeued)
            .OrderByDescending(x => x.AbsentAt).Take(20).ToListAsync(ct);
    }

    /// <summary>The last finished service of a window (what its rating device asks about).</summary>
    public Task<Ticket?> LastFinishedAsync(Guid windowId, CancellationToken ct)
    {
        var today = clock.Today();
        return Tickets.Where(x => x.WindowId == windowId && x.Day == today && x.State == TicketState.Finished)
            .OrderByDescending(x => x.FinishedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Wait and service time of the ticket each case came from (by case).</summary>
    public async Task<ServiceTimes?> ServiceTimesOfCaseAsync(Guid caseId, CancellationToken ct) =>
        await Tickets.Where(x => x.CaseId == caseId)
            .Select(x => new ServiceTimes(x.Id, x.Code, caseId, x.ItemCode, x.StaffId, x.StaffName,
                x.FirstCalledAt == null ? null : x.FirstCalledAt - x.IssuedAt,
                x.FinishedAt == null || x.StartedAt == null ? null : x.FinishedAt - x.StartedAt))
            .FirstOrDefaultAsync(ct);
}
