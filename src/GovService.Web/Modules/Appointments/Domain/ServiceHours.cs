using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Appointments.Domain;

/// <summary>What a period of a hall's week is for.</summary>
public enum PeriodKind
{
    /// <summary>正常工作时间: walk-ins and appointments.</summary>
    Regular = 1,

    /// <summary>延时服务: after the regular close on chosen weekdays (e.g. to 19:00).</summary>
    Extended = 2,

    /// <summary>错时服务 by appointment only (e.g. Saturday 09:00–12:00): no walk-ins.</summary>
    AppointmentOnly = 3,
}

/// <summary>
/// One period of a hall's ordinary week (服务时间): a weekday, from and to. A day closed at lunch has two regular periods,
/// a day 中午不打烊 one.
/// </summary>
public sealed class OpeningPeriod : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public DayOfWeek Day { get; set; }
    public PeriodKind Kind { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }
}

/// <summary>A time the hall takes no appointments (系统维护, a staff meeting), set by an administrator.</summary>
public sealed class Blackout : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Reason { get; set; } = "";

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => StartsAt < to && from < EndsAt;
}

/// <summary>A bookable slot of a day: its start and end (Asia/Shanghai) and the kind of period it lies in.</summary>
public sealed record Slot(DateOnly Day, TimeOnly Starts, TimeOnly Ends, PeriodKind Kind)
{
    public DateTimeOffset StartsAt => ChinaTime.At(Day, Starts);

    public DateTimeOffset EndsAt => ChinaTime.At(Day, Ends);
}

/// <summary>
/// A hall's week applied to real dates, pure: a holiday of the working calendar is closed (whatever weekday it falls on); a
/// 调休 working weekend day keeps the regular hours of a Monday (the State Council's notice makes it an ordinary working
/// day, not a 延时 or 错时 one); every other day has the periods of its weekday.
/// </summary>
public sealed class HallWeek(IReadOnlyList<OpeningPeriod> periods)
{
    public IReadOnlyList<OpeningPeriod> Periods { get; } = [.. periods.OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Starts)];

    public IReadOnlyList<OpeningPeriod> On(DateOnly date, WorkingCalendar calendar)
    {
        if (calendar.ExceptionOn(date) is { } exception)
        {
            return exception.IsOffDay
                ? []
                : [.. Periods.Where(p => p.Day == DayOfWeek.Monday && p.Kind == PeriodKind.Regular)];
        }

        return [.. Periods.Where(p => p.Day == date.DayOfWeek)];
    }

    /// <summary>The day's slots of <paramref name="minutes"/> minutes; a period's last slot ends at or before its close.</summary>
    public IReadOnlyList<Slot> SlotsOn(DateOnly date, WorkingCalendar calendar, int minutes)
    {
        var slots = new List<Slot>();
        foreach (var period in On(date, calendar))
        {
            for (var start = period.Starts; start.AddMinutes(minutes) <= period.Ends && start.AddMinutes(minutes) > start; start = start.AddMinutes(minutes))
            {
                slots.Add(new Slot(date, start, start.AddMinutes(minutes), period.Kind));
            }
        }

        return slots;
    }
}
