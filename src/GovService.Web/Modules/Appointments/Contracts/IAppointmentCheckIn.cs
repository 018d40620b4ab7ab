namespace GovService.Web.Modules.Appointments.Contracts;

/// <summary>A booking just checked in at its hall: who came, for what, and which window category serves it.</summary>
public sealed record CheckedInAppointment(Guid AppointmentId, string PersonName, string IdNumber, string ItemCode, string ItemName, string WindowCategory, DateTimeOffset SlotStart);

/// <summary>Checking in a booking on arrival (at the kiosk or by a clerk), so the hall can give it a priority ticket.</summary>
public interface IAppointmentCheckIn
{
    /// <summary>
    /// Marks today's booking at <paramref name="hallId"/> with this check-in code as arrived, exactly once; null when there
    /// is no such booking today (another day's, another hall's, cancelled, already checked in, or marked no-show).
    /// </summary>
    Task<CheckedInAppointment?> CheckInAsync(Guid hallId, string code, CancellationToken ct);
}
