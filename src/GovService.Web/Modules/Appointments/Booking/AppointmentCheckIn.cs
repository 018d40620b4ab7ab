using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>
/// 签到: one conditional update takes today's booked appointment with the code at the hall to arrived, so a code typed at
/// two kiosks at once checks in once and the second gets nothing.
/// </summary>
public sealed class AppointmentCheckIn(GovDbContext db, TimeProvider clock, ILogger<AppointmentCheckIn> logger) : IAppointmentCheckIn
{
    public async Task<CheckedInAppointment?> CheckInAsync(Guid hallId, string code, CancellationToken ct)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length != 6 || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        var today = clock.Today();
        var now = clock.GetUtcNow();
        var booked = (int)AppointmentState.Booked;
        var arrived = (int)AppointmentState.Arrived;
        var rows = await db.Database.SqlQuery<CheckInRow>($"""
            UPDATE gov.apt_appointments SET state = {arrived}, closed_at = {now}
            WHERE hall_id = {hallId} AND day = {today} AND check_in_code = {trimmed} AND state = {booked}
            RETURNING id, person_name, id_number, item_code, item_name, category, starts_at, number
            """).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        logger.LogInformation("Appointment {AppointmentNumber} checked in at hall {HallId}", row.Number, hallId);
        return new CheckedInAppointment(row.Id, row.PersonName, row.IdNumber, row.ItemCode, row.ItemName,
            ((Organization.Contracts.WindowCategory)row.Category).ToString(), row.StartsAt);
    }

    private sealed record CheckInRow(Guid Id, string PersonName, string IdNumber, string ItemCode, string ItemName, int Category, DateTimeOffset StartsAt, string Number);
}
