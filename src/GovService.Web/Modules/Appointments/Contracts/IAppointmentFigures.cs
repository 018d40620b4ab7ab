namespace GovService.Web.Modules.Appointments.Contracts;

/// <summary>
/// A hall's bookings of one day by what became of them (预约使用): still booked, checked in, no-show, cancelled and
/// changed to another slot (改约). <see cref="Made"/> counts the bookings that held a place that day.
/// </summary>
public sealed record AppointmentDayFigures(int Booked, int Arrived, int NoShow, int Cancelled, int Rebooked)
{
    public int Made => Booked + Arrived + NoShow;
}

/// <summary>What the hall's dashboard reads of the appointment book.</summary>
public interface IAppointmentFigures
{
    Task<AppointmentDayFigures> OfDayAsync(Guid hallId, DateOnly day, CancellationToken ct);
}
