using GovService.UnitTests.Calendar;
using GovService.Web.Modules.Appointments.Booking;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Shared.Calendar;

namespace GovService.UnitTests.Appointments;

/// <summary>A hall's week applied to real 2026 dates with the State Council's notice, and the days the booking page offers.</summary>
public sealed class HallWeekTests
{
    private static readonly WorkingCalendar Calendar = Notices.LoadCalendar();

    /// <summary>The demo county centre: lunch closed, 延时 to 19:00 on Tuesday and Thursday, Saturday mornings by appointment.</summary>
    private static readonly HallWeek CountyCentre = new([
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.SelectMany(d => new[]
        {
            Period(d, PeriodKind.Regular, 8, 30, 12, 0), Period(d, PeriodKind.Regular, 14, 30, 17, 30),
        }),
        Period(DayOfWeek.Tuesday, PeriodKind.Extended, 17, 30, 19, 0),
        Period(DayOfWeek.Thursday, PeriodKind.Extended, 17, 30, 19, 0),
        Period(DayOfWeek.Saturday, PeriodKind.AppointmentOnly, 9, 0, 12, 0),
    ]);

    private static OpeningPeriod Period(DayOfWeek day, PeriodKind kind, int h1, int m1, int h2, int m2) =>
        new() { Day = day, Kind = kind, Starts = new TimeOnly(h1, m1), Ends = new TimeOnly(h2, m2) };

    private static string[] Starts(DateOnly date) => [.. CountyCentre.SlotsOn(date, Calendar, 30).Select(s => s.Starts.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void A_tuesday_has_half_hour_slots_in_both_periods_and_the_extended_evening_but_none_over_lunch()
    {
        var slots = Starts(new DateOnly(2026, 11, 24));

        Assert.Equal(7 + 6 + 3, slots.Length);
        Assert.Equal("08:30", slots[0]);
        Assert.Contains("11:30", slots);
        Assert.DoesNotContain("12:00", slots);
        Assert.DoesNotContain("14:00", slots);
        Assert.Equal("18:30", slots[^1]);
        Assert.DoesNotContain("17:30", Starts(new DateOnly(2026, 11, 23))); // Monday: no 延时
    }

    [Fact]
    public void A_saturday_has_only_its_appointment_morning_and_a_sunday_nothing()
    {
        var saturday = CountyCentre.SlotsOn(new DateOnly(2026, 11, 28), Calendar, 30);

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"], Starts(new DateOnly(2026, 11, 28)));
        Assert.All(saturday, s => Assert.Equal(PeriodKind.AppointmentOnly, s.Kind));
        Assert.Empty(Starts(new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void A_holiday_is_closed_whatever_its_weekday_and_a_tiaoxiu_saturday_keeps_mondays_regular_hours()
    {
        Assert.Empty(Starts(new DateOnly(2026, 10, 1))); // 国庆节, a Thursday: no 延时 either
        Assert.Empty(Starts(new DateOnly(2026, 10, 3))); // a Saturday inside the holiday: no 错时 morning
        Assert.Equal(Starts(new DateOnly(2026, 11, 23)), Starts(new DateOnly(2026, 10, 10))); // 调休 Saturday = a Monday
    }

    [Fact]
    public void The_booking_page_offers_days_from_today_to_the_horizon_and_says_why_a_day_is_closed()
    {
        var today = new DateOnly(2026, 9, 28);

        Assert.Equal(("Appointment.Day.Past", ""), SlotBoard.DayClosed(today.AddDays(-1), today, 14, CountyCentre, Calendar));
        Assert.Null(SlotBoard.DayClosed(today, today, 14, CountyCentre, Calendar));
        Assert.Equal(("Appointment.Day.Holiday", "国庆节"), SlotBoard.DayClosed(new DateOnly(2026, 10, 1), today, 14, CountyCentre, Calendar));
        Assert.Null(SlotBoard.DayClosed(new DateOnly(2026, 10, 10), today, 14, CountyCentre, Calendar));
        Assert.Null(SlotBoard.DayClosed(today.AddDays(11), today, 14, CountyCentre, Calendar)); // Friday 10-09
        Assert.Equal(("Appointment.Day.Closed", ""), SlotBoard.DayClosed(today.AddDays(13), today, 14, CountyCentre, Calendar)); // Sunday 10-11, the horizon's last day
        Assert.Equal(("Appointment.Day.BeyondHorizon", "14"), SlotBoard.DayClosed(today.AddDays(14), today, 14, CountyCentre, Calendar));
        Assert.Equal(("Appointment.Day.Closed", ""), SlotBoard.DayClosed(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 23), 14, CountyCentre, Calendar)); // an ordinary Sunday
    }
}
