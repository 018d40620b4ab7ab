using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>A hall's day of bookings counted by state (one grouped read).</summary>
public sealed class AppointmentFigures(GovDbContext db) : IAppointmentFigures
{
    public async Task<AppointmentDayFigures> OfDayAsync(Guid hallId, DateOnly day, CancellationToken ct)
    {
        var byState = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.HallId == hallId && a.Day == day)
            .GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(AppointmentState state) => byState.GetValueOrDefault(state);
        return new AppointmentDayFigures(Of(AppointmentState.Booked), Of(AppointmentState.Arrived), Of(AppointmentState.NoShow),
            Of(AppointmentState.Cancelled), Of(AppointmentState.Rebooked));
    }
}
