using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Appointments.Domain;

public enum AppointmentState
{
    /// <summary>已预约: holds a place in its slot.</summary>
    Booked = 1,

    /// <summary>已到场: checked in at the hall.</summary>
    Arrived = 2,

    /// <summary>已取消 by the citizen.</summary>
    Cancelled = 3,

    /// <summary>已改约: replaced by a booking of another slot.</summary>
    Rebooked = 4,

    /// <summary>爽约: not checked in by the slot's end plus the grace time.</summary>
    NoShow = 5,
}

/// <summary>
/// A booking (预约) of one slot at one hall for one item or 一件事 bundle. It holds a place while <see cref="AppointmentState.Booked"/>;
/// every other state is final and reached only through the methods below, which refuse what they do not allow.
/// </summary>
public sealed class Appointment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>预约号, from the YY document series.</summary>
    public string Number { get; set; } = "";

    /// <summary>签到码: six digits, unique at the hall on the day, typed at the kiosk or told to the clerk.</summary>
    public string CheckInCode { get; set; } = "";

    public Guid HallId { get; set; }
    public WindowCategory Category { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly SlotStarts { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The item's basic code, or the bundle's code when <see cref="IsBundle"/>.</summary>
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public bool IsBundle { get; set; }

    public Guid UserId { get; set; }
    public string PersonName { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string? Mobile { get; set; }

    public AppointmentState State { get; private set; } = AppointmentState.Booked;
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The booking that replaced this one (改约).</summary>
    public Guid? ReplacedById { get; private set; }

    /// <summary>xmin: a cancel or rebook racing a check-in or the no-show sweep is refused instead of overwriting it.</summary>
    public uint Version { get; set; }

    public bool IsOpen => State == AppointmentState.Booked;

    public void Cancel(DateTimeOffset now) => Close(AppointmentState.Cancelled, now);

    public void ReplaceBy(Appointment replacement, DateTimeOffset now)
    {
        Close(AppointmentState.Rebooked, now);
        ReplacedById = replacement.Id;
    }

    private void Close(AppointmentState to, DateTimeOffset now)
    {
        if (State != AppointmentState.Booked)
        {
            throw new InvalidOperationException($"Appointment {Number} is {State}; only a booked appointment can become {to}.");
        }

        if (now >= EndsAt)
        {
            throw new InvalidOperationException($"Appointment {Number}'s slot is over; it can no longer become {to}.");
        }

        State = to;
        ClosedAt = now;
    }
}
