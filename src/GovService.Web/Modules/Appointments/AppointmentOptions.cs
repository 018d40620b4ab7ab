namespace GovService.Web.Modules.Appointments;

/// <summary>The appointment book's settings (section <c>Appointments</c>); docs/domain/hall.md explains each.</summary>
public sealed class AppointmentOptions
{
    /// <summary>Length of a slot; a slot's capacity is the hall's number of windows of the category.</summary>
    public int SlotMinutes { get; set; } = 30;

    /// <summary>How many days ahead a citizen may book (today included).</summary>
    public int HorizonDays { get; set; } = 14;

    /// <summary>At most this many open bookings per person per day, over all halls.</summary>
    public int MaxPerPersonPerDay { get; set; } = 2;

    /// <summary>A booking not checked in by its slot's end plus this many minutes is a no-show.</summary>
    public int NoShowGraceMinutes { get; set; } = 15;

    /// <summary>到达签到取号 from the phone opens this many minutes before the slot starts (and closes at its end).</summary>
    public int RemoteCheckInMinutes { get; set; } = 30;

    /// <summary>Refuse bookings after <see cref="NoShowLimit"/> no-shows within <see cref="NoShowWindowDays"/> days, for <see cref="NoShowBanDays"/> days.</summary>
    public bool NoShowBanEnabled { get; set; } = true;

    public int NoShowLimit { get; set; } = 3;

    public int NoShowWindowDays { get; set; } = 30;

    public int NoShowBanDays { get; set; } = 14;
}
