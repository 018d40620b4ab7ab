using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>A citizen cancels their own booking before its slot ends; the place goes back and the reminder is not sent.</summary>
public sealed class CancelAppointment(GovDbContext db, IOrganizationDirectory organization, AppointmentNotices notices, TimeProvider clock)
{
    /// <summary>False when the booking is not theirs or can no longer be cancelled.</summary>
    public async Task<bool> RunAsync(Guid userId, Guid appointmentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == appointmentId && a.UserId == userId, ct);
        if (booking is null || !booking.IsOpen || booking.EndsAt <= now)
        {
            return false;
        }

        booking.Cancel(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // checked in or marked no-show meanwhile
        }

        var hall = (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == booking.HallId)?.Name ?? "";
        await notices.CancelledAsync(booking, hall, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
