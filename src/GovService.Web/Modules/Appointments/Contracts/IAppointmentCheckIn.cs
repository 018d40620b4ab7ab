using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Appointments.Contracts;

/// <summary>A booking just checked in at its hall: whose it is, who came, for what, and which window category serves it.</summary>
public sealed record CheckedInAppointment(
    Guid AppointmentId,
    string Number,
    Guid HallId,
    Guid UserId,
    string PersonName,
    string IdNumber,
    string? Mobile,
    string ItemCode,
    string ItemName,
    bool IsBundle,
    WindowCategory WindowCategory,
    DateTimeOffset SlotStart);

/// <summary>Why a check-in was refused.</summary>
public enum CheckInRefusal
{
    None = 0,

    /// <summary>No booking at this hall has this code (mistyped, or another hall's).</summary>
    UnknownCode = 1,

    /// <summary>The code is of a booking on another day.</summary>
    OtherDay = 2,

    /// <summary>The booking is already checked in (its ticket was issued).</summary>
    AlreadyCheckedIn = 3,

    /// <summary>The booking was cancelled, changed (改约) or marked no-show.</summary>
    Closed = 4,

    /// <summary>Remote check-in before <c>RemoteCheckInMinutes</c> ahead of the slot; <see cref="CheckInOutcome.OpensAt"/> says when.</summary>
    TooEarly = 5,

    /// <summary>Remote check-in after the slot ended.</summary>
    SlotOver = 6,
}

/// <summary>A check-in: the booking taken to arrived, or why not (and, for <see cref="CheckInRefusal.TooEarly"/>, from when).</summary>
public sealed record CheckInOutcome(CheckedInAppointment? Appointment, CheckInRefusal Refusal, DateTimeOffset? OpensAt = null);

/// <summary>
/// Checking in a booking on arrival (at the kiosk with its code, or by its owner from the phone), so the hall can give it a
/// priority ticket. Each is one conditional update in the caller's unit of work: run it inside the transaction that issues
/// the ticket, and a failed issue leaves the booking booked.
/// </summary>
public interface IAppointmentCheckIn
{
    /// <summary>
    /// Marks today's booking at <paramref name="hallId"/> with this check-in code as arrived, exactly once; refused when there
    /// is no such booking today (another day's, another hall's, cancelled, already checked in, or marked no-show).
    /// </summary>
    Task<CheckInOutcome> CheckInAsync(Guid hallId, string code, CancellationToken ct);

    /// <summary>
    /// 到达签到 from the phone: marks the citizen's own booking <paramref name="appointmentId"/> as arrived, exactly once, when it
    /// is today's and booked and now is between <c>Appointments:RemoteCheckInMinutes</c> before its slot and the slot's end.
    /// Someone else's booking is <see cref="CheckInRefusal.UnknownCode"/>.
    /// </summary>
    Task<CheckInOutcome> CheckInOwnAsync(Guid userId, Guid appointmentId, CancellationToken ct);
}
