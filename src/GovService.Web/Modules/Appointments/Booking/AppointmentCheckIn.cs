using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>
/// 签到: one conditional update takes today's booked appointment to arrived, so a code typed at two kiosks at once (or a
/// kiosk and the owner's phone) checks in once and the other is refused; when nothing was updated, a read says why.
/// </summary>
public sealed class AppointmentCheckIn(GovDbContext db, TimeProvider clock, IOptions<AppointmentOptions> options, ILogger<AppointmentCheckIn> logger) : IAppointmentCheckIn
{
    public const int CodeLength = 6;

    public async Task<CheckInOutcome> CheckInAsync(Guid hallId, string code, CancellationToken ct)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length != CodeLength || !trimmed.All(char.IsAsciiDigit))
        {
            return new CheckInOutcome(null, CheckInRefusal.UnknownCode);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow();
        var booked = (int)AppointmentState.Booked;
        var arrived = (int)AppointmentState.Arrived;
        var rows = await db.Database.SqlQuery<CheckInRow>($"""
            UPDATE gov.apt_appointments SET state = {arrived}, closed_at = {now}
            WHERE hall_id = {hallId} AND day = {today} AND check_in_code = {trimmed} AND state = {booked}
            RETURNING id, number, hall_id, user_id, person_name, id_number, mobile, item_code, item_name, is_bundle, category, starts_at
            """).ToListAsync(ct);
        if (rows.Count == 0)
        {
            var states = await db.Set<Appointment>().AsNoTracking().Where(a => a.HallId == hallId && a.CheckInCode == trimmed)
                .Select(a => new { a.Day, a.State }).ToListAsync(ct);
            var todays = states.Where(a => a.Day == today).Select(a => (AppointmentState?)a.State).FirstOrDefault();
            return new CheckInOutcome(null, todays is { } state ? Refused(state) : states.Count > 0 ? CheckInRefusal.OtherDay : CheckInRefusal.UnknownCode);
        }

        return Arrived(rows[0]);
    }

    public async Task<CheckInOutcome> CheckInOwnAsync(Guid userId, Guid appointmentId, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        // The slot opens to remote check-in RemoteCheckInMinutes before it starts: starts_at - minutes <= now.
        var opensBy = now.AddMinutes(options.Value.RemoteCheckInMinutes);
        var booked = (int)AppointmentState.Booked;
        var arrived = (int)AppointmentState.Arrived;
        var rows = await db.Database.SqlQuery<CheckInRow>($"""
            UPDATE gov.apt_appointments SET state = {arrived}, closed_at = {now}
            WHERE id = {appointmentId} AND user_id = {userId} AND day = {today} AND state = {booked}
              AND starts_at <= {opensBy} AND ends_at > {now}
            RETURNING id, number, hall_id, user_id, person_name, id_number, mobile, item_code, item_name, is_bundle, category, starts_at
            """).ToListAsync(ct);
        if (rows.Count > 0)
        {
            return Arrived(rows[0]);
        }

        var a = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == appointmentId && x.UserId == userId, ct);
        return a switch
        {
            null => new CheckInOutcome(null, CheckInRefusal.UnknownCode),
            { State: not AppointmentState.Booked } => new CheckInOutcome(null, Refused(a.State)),
            { EndsAt: var ends } when ends <= now => new CheckInOutcome(null, CheckInRefusal.SlotOver),
            _ => new CheckInOutcome(null, CheckInRefusal.TooEarly, RemoteCheckInOpens(a.StartsAt, options.Value)),
        };
    }

    /// <summary>When 到达签到 from the phone opens for a slot starting at <paramref name="slotStart"/> (My appointments shows it too).</summary>
    public static DateTimeOffset RemoteCheckInOpens(DateTimeOffset slotStart, AppointmentOptions options) => slotStart.AddMinutes(-options.RemoteCheckInMinutes);

    private static CheckInRefusal Refused(AppointmentState state) =>
        state == AppointmentState.Arrived ? CheckInRefusal.AlreadyCheckedIn : CheckInRefusal.Closed;

    private CheckInOutcome Arrived(CheckInRow row)
    {
        logger.LogInformation("Appointment {AppointmentNumber} checked in at hall {HallId}", row.Number, row.HallId);
        return new CheckInOutcome(
            new CheckedInAppointment(row.Id, row.Number, row.HallId, row.UserId, row.PersonName, row.IdNumber, row.Mobile, row.ItemCode, row.ItemName,
                row.IsBundle, (WindowCategory)row.Category, row.StartsAt),
            CheckInRefusal.None);
    }

    private sealed record CheckInRow(Guid Id, string Number, Guid HallId, Guid UserId, string PersonName, string IdNumber, string? Mobile,
        string ItemCode, string ItemName, bool IsBundle, int Category, DateTimeOffset StartsAt);
}
