using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Appointments.Hours;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>A slot as the booking page shows it: its places left and, when it cannot be booked, why.</summary>
public sealed record SlotOffer(Slot Slot, int Capacity, int Taken, string? Closed)
{
    public int Left => Math.Max(0, Capacity - Taken);

    public bool Bookable => Closed is null && Left > 0;

    public string Value => Slot.Starts.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A day the booking page offers: its date and whether the hall takes appointments then (and why not).</summary>
public sealed record DayOffer(DateOnly Day, string? Closed);

/// <summary>
/// The appointment book's rules of time, one place for the page and the booking: which days are in the horizon and open,
/// which slots a day has (service hours, not past, not in a blackout) and how many places each has left (capacity = the
/// hall's windows of the category, minus the bookings that hold a place).
/// </summary>
public sealed class SlotBoard(GovDbContext db, ServiceHoursQueries hours, IWorkingCalendarProvider calendars, TimeProvider clock, IOptions<AppointmentOptions> options, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    /// <summary>Why a day cannot be booked, as a resource key with its argument (null when it can).</summary>
    public static (string Key, string Argument)? DayClosed(DateOnly day, DateOnly today, int horizonDays, HallWeek week, WorkingCalendar calendar)
    {
        if (day < today)
        {
            return ("Appointment.Day.Past", "");
        }

        if (day > today.AddDays(horizonDays - 1))
        {
            return ("Appointment.Day.BeyondHorizon", horizonDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (calendar.ExceptionOn(day) is { IsOffDay: true } holiday)
        {
            return ("Appointment.Day.Holiday", holiday.Name);
        }

        return week.On(day, calendar).Count == 0 ? ("Appointment.Day.Closed", "") : null;
    }

    public async Task<IReadOnlyList<(DateOnly Day, (string Key, string Argument)? Closed)>> DaysAsync(Guid hallId, CancellationToken ct)
    {
        var today = clock.Today();
        var week = await hours.WeekOfAsync(hallId, ct);
        var calendar = await calendars.GetAsync(ct);
        var horizon = options.Value.HorizonDays;
        return Enumerable.Range(0, horizon).Select(i => today.AddDays(i)).Select(d => (d, DayClosed(d, today, horizon, week, calendar))).ToList();
    }

    /// <summary>The day's slots at the hall for the category with their places left; <paramref name="exceptBooking"/> is not counted (改约 within its own slot).</summary>
    public async Task<IReadOnlyList<SlotOffer>> SlotsAsync(HallDetails hall, WindowCategory category, DateOnly day, Guid? exceptBooking, CancellationToken ct)
    {
        var week = await hours.WeekOfAsync(hall.Id, ct);
        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var capacity = hall.WindowsOf(category);
        var blackouts = await db.Set<Blackout>().AsNoTracking().Where(b => b.HallId == hall.Id).ToListAsync(ct);
        var taken = await TakenAsync(hall.Id, category, day, exceptBooking, ct);
        return week.SlotsOn(day, calendar, options.Value.SlotMinutes).Select(s =>
        {
            var blackout = blackouts.FirstOrDefault(b => b.Overlaps(s.StartsAt, s.EndsAt));
            var closed = s.StartsAt <= now ? l["Appointment.Slot.Past"].Value
                : blackout is not null ? l["Appointment.Slot.Blackout", blackout.Reason].Value
                : null;
            return new SlotOffer(s, capacity, taken.GetValueOrDefault(s.Starts), closed);
        }).ToList();
    }

    /// <summary>Places held per slot start: booked and arrived bookings (a cancelled or replaced one gives its place back).</summary>
    public async Task<Dictionary<TimeOnly, int>> TakenAsync(Guid hallId, WindowCategory category, DateOnly day, Guid? exceptBooking, CancellationToken ct) =>
        await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.HallId == hallId && a.Category == category && a.Day == day && a.Id != exceptBooking
                && (a.State == AppointmentState.Booked || a.State == AppointmentState.Arrived))
            .GroupBy(a => a.SlotStarts).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
