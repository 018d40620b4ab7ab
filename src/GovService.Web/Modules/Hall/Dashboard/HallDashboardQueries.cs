using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Hall.Dashboard;

/// <summary>
/// Today's figures of one queue (a window category), or of the whole hall when <see cref="Category"/> is null. Wait is
/// issued → first called, over the tickets called so far; service is started → finished, over the finished ones.
/// </summary>
public sealed record QueueFigures(
    WindowCategory? Category,
    int Issued,
    int Waiting,
    int WaitingLong,
    double? LongestWaitingMinutes,
    int Called,
    double? AverageWaitMinutes,
    double? P90WaitMinutes,
    int Finished,
    double? AverageServiceMinutes,
    int Absent,
    int Windows);

/// <summary>One window's day: tickets it finished, their average service time, who served, what it calls now.</summary>
public sealed record WindowFigures(Guid WindowId, int Number, string Name, WindowCategory? Category, bool Temporary, bool Open, int Finished, double? AverageServiceMinutes, string Staff, string? Now);

public sealed record OpenCrowdAlert(Guid Id, WindowCategory Category, DateTimeOffset RaisedAt, int Waiting, int? WindowNumber);

/// <summary>The hall dashboard (大厅运行监测): queues, windows, appointment use and the open crowd alerts.</summary>
public sealed record HallDashboard(
    Guid HallId,
    string HallName,
    DateOnly Day,
    DateTimeOffset At,
    IReadOnlyList<QueueFigures> Queues,
    QueueFigures Total,
    IReadOnlyList<WindowFigures> Windows,
    AppointmentDayFigures Appointments,
    int AppointmentTickets,
    IReadOnlyList<OpenCrowdAlert> Alerts,
    CrowdAlertOptions Thresholds,
    IReadOnlyList<HallInfo> Halls);

/// <summary>Reads of the hall dashboard: one grouped statement for the queues, one for the windows.</summary>
public sealed class HallDashboardQueries(GovDbContext db, IOrganizationDirectory organization, IAppointmentFigures appointments, IOptions<CrowdAlertOptions> thresholds, TimeProvider clock)
{
    public async Task<HallDashboard?> OfHallAsync(Guid hallId, IReadOnlyList<HallInfo> halls, CancellationToken ct)
    {
        var hall = halls.FirstOrDefault(h => h.Id == hallId);
        if (hall is null)
        {
            return null;
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        var since = now.AddMinutes(-thresholds.Value.WaitMinutes);
        var windows = await organization.WindowsOfHallAsync(hallId, ct);
        var waiting = (int)TicketState.Waiting;
        var finished = (int)TicketState.Finished;
        var active = new[] { (int)TicketState.Called, (int)TicketState.Serving };
        var rows = await db.Database.SqlQuery<QueueRow>($"""
            SELECT category AS category,
                   count(*)::int AS issued,
                   (count(*) FILTER (WHERE state = {waiting}))::int AS waiting,
                   (count(*) FILTER (WHERE state = {waiting} AND issued_at < {since}))::int AS waiting_long,
                   (max(EXTRACT(EPOCH FROM ({now} - issued_at))) FILTER (WHERE state = {waiting}) / 60)::float8 AS longest_waiting_minutes,
                   (count(first_called_at))::int AS called,
                   (avg(EXTRACT(EPOCH FROM (first_called_at - issued_at))) / 60)::float8 AS average_wait_minutes,
                   (percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (first_called_at - issued_at))) / 60)::float8 AS slow_wait_minutes,
                   (count(*) FILTER (WHERE state = {finished}))::int AS finished,
                   (avg(EXTRACT(EPOCH FROM (finished_at - started_at))) FILTER (WHERE state = {finished}) / 60)::float8 AS average_service_minutes,
                   (count(absent_at))::int AS absent,
                   (count(*) FILTER (WHERE source = {(int)Contracts.TicketSource.Appointment}))::int AS from_appointments
            FROM gov.hal_tickets
            WHERE hall_id = {hallId} AND day = {today}
            GROUP BY GROUPING SETS ((category), ())
            """).ToListAsync(ct);
        var total = rows.FirstOrDefault(r => r.Category is null);
        var categories = windows.Select(w => w.Category).Concat(rows.Where(r => r.Category is not null).Select(r => (WindowCategory)r.Category!.Value)).Distinct().Order();
        var queues = categories.Select(c => Figures(rows.FirstOrDefault(r => r.Category == (int)c), c, windows.Count(w => w.Category == c))).ToList();

        var byWindow = await db.Database.SqlQuery<WindowRow>($"""
            SELECT window_id AS window_id, max(window_number)::int AS number,
                   (count(*) FILTER (WHERE state = {finished}))::int AS finished,
                   (avg(EXTRACT(EPOCH FROM (finished_at - started_at))) FILTER (WHERE state = {finished}) / 60)::float8 AS average_service_minutes,
                   coalesce(string_agg(DISTINCT NULLIF(staff_name, ''), '、'), '') AS staff,
                   max(code) FILTER (WHERE state = ANY ({active})) AS now
            FROM gov.hal_tickets
            WHERE hall_id = {hallId} AND day = {today} AND window_id IS NOT NULL
            GROUP BY window_id
            """).ToDictionaryAsync(r => r.WindowId, ct);
        var windowFigures = windows.Select(w => byWindow.TryGetValue(w.Id, out var r)
                ? new WindowFigures(w.Id, w.Number, w.Name, w.Category, w.Temporary, true, r.Finished, r.AverageServiceMinutes, r.Staff, r.Now)
                : new WindowFigures(w.Id, w.Number, w.Name, w.Category, w.Temporary, true, 0, null, "", null))
            .Concat(byWindow.Values.Where(r => windows.All(w => w.Id != r.WindowId))
                .Select(r => new WindowFigures(r.WindowId, r.Number, "", null, true, false, r.Finished, r.AverageServiceMinutes, r.Staff, r.Now)))
            .OrderBy(w => w.Number).ToList();

        var alerts = await db.Set<CrowdAlert>().AsNoTracking()
            .Where(a => a.HallId == hallId && a.ClearedAt == null)
            .OrderBy(a => a.RaisedAt)
            .Select(a => new OpenCrowdAlert(a.Id, a.Category, a.RaisedAt, a.Waiting, a.WindowNumber))
            .ToListAsync(ct);
        return new HallDashboard(hallId, hall.Name, today, now, queues, Figures(total, null, windows.Count), windowFigures,
            await appointments.OfDayAsync(hallId, today, ct), total?.FromAppointments ?? 0, alerts, thresholds.Value, halls);
    }

    private static QueueFigures Figures(QueueRow? r, WindowCategory? category, int windows) => r is null
        ? new QueueFigures(category, 0, 0, 0, null, 0, null, null, 0, null, 0, windows)
        : new QueueFigures(category, r.Issued, r.Waiting, r.WaitingLong, r.LongestWaitingMinutes, r.Called, r.AverageWaitMinutes, r.SlowWaitMinutes,
            r.Finished, r.AverageServiceMinutes, r.Absent, windows);

    /// <summary>A row of the grouped read (<c>slow_wait_minutes</c> is the 90th percentile of the wait).</summary>
    private sealed record QueueRow(int? Category, int Issued, int Waiting, int WaitingLong, double? LongestWaitingMinutes, int Called, double? AverageWaitMinutes,
        double? SlowWaitMinutes, int Finished, double? AverageServiceMinutes, int Absent, int FromAppointments);

    private sealed record WindowRow(Guid WindowId, int Number, int Finished, double? AverageServiceMinutes, string Staff, string? Now);
}
