using GovService.Web.Shared.Calendar;

namespace GovService.UnitTests.Calendar;

/// <summary>Against the State Council's real 2025 and 2026 notices, shipped with the application.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Notices.LoadCalendar();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_start_day_itself_is_not_counted() =>
        Assert.Equal(D("2026-11-24"), Calendar.AddWorkingDays(D("2026-11-23"), 1).End);

    [Fact]
    public void Zero_days_end_on_the_start_day_like_an_immediate_item() =>
        Assert.Equal(D("2026-11-23"), Calendar.AddWorkingDays(D("2026-11-23"), 0).End);

    [Fact]
    public void Negative_days_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-11-23"), -1));

    [Fact]
    public void A_weekend_is_skipped() =>
        Assert.Equal(D("2026-11-30"), Calendar.AddWorkingDays(D("2026-11-27"), 1).End);

    [Fact]
    public void Accepting_on_the_eve_of_national_day_skips_the_holiday()
    {
        var span = Calendar.AddWorkingDays(D("2026-09-30"), 1);

        Assert.Equal(D("2026-10-08"), span.End);
        Assert.Equal(7, span.Skipped.Count(s => s.Reason == SkipReason.Holiday));
        Assert.All(span.Skipped.Where(s => s.Reason == SkipReason.Holiday), s => Assert.Equal("国庆节", s.HolidayName));
        Assert.False(span.IsProvisional);
    }

    [Fact]
    public void Skipped_holidays_are_explained_as_runs_of_days()
    {
        var runs = Calendar.AddWorkingDays(D("2026-09-24"), 8).HolidayRuns();

        Assert.Equal(
            [new HolidayRun(D("2026-09-25"), D("2026-09-27"), "中秋节"), new HolidayRun(D("2026-10-01"), D("2026-10-07"), "国庆节")],
            runs);
    }

    [Fact]
    public void Five_working_days_from_29_September_2026_count_the_adjusted_Saturday()
    {
        // 9-30 (1), 10-1..10-7 off, 10-8 (2), 10-9 (3), Sat 10-10 worked instead (4), Sun 10-11 off, 10-12 (5).
        var span = Calendar.AddWorkingDays(D("2026-09-29"), 5);

        Assert.Equal(D("2026-10-12"), span.End);
        Assert.Equal([D("2026-10-10")], span.AdjustedWorkdaysCounted);
    }

    [Fact]
    public void An_adjusted_working_Saturday_before_spring_festival_counts() =>
        Assert.Equal(D("2026-02-14"), Calendar.AddWorkingDays(D("2026-02-13"), 1).End);

    [Fact]
    public void Spring_festival_2026_is_skipped_as_a_whole() =>
        // Fri 2-13, Sat 2-14 worked (1), 2-15..2-23 off, Tue 2-24 (2).
        Assert.Equal(D("2026-02-24"), Calendar.AddWorkingDays(D("2026-02-13"), 2).End);

    [Fact]
    public void Counting_across_the_new_year_uses_both_notices()
    {
        // Wed 2025-12-31 (1), 2026-01-01..03 off, Sun 01-04 worked instead (2), Mon 01-05 (3).
        var span = Calendar.AddWorkingDays(D("2025-12-30"), 3);

        Assert.Equal(D("2026-01-05"), span.End);
        Assert.Contains(D("2026-01-04"), span.AdjustedWorkdaysCounted);
        Assert.False(span.IsProvisional);
    }

    [Fact]
    public void A_date_in_a_year_without_a_notice_falls_back_to_Monday_to_Friday_and_is_provisional()
    {
        // 2026-12-31 Thu (1); 2027 not loaded: Fri 01-01 counts (2), Mon 01-04 (3), 01-05 (4), 01-06 (5).
        var span = Calendar.AddWorkingDays(D("2026-12-30"), 5);

        Assert.Equal(D("2027-01-06"), span.End);
        Assert.True(span.IsProvisional);
        Assert.Equal([2027], span.ProvisionalYears);
    }

    [Fact]
    public void A_deadline_inside_loaded_years_is_not_provisional() =>
        Assert.False(Calendar.AddWorkingDays(D("2026-03-02"), 20).IsProvisional);

    [Fact]
    public void Counting_working_days_between_two_dates_skips_holidays_and_counts_adjusted_days()
    {
        var span = Calendar.CountWorkingDays(D("2026-09-30"), D("2026-10-12"));

        Assert.Equal(4, span.WorkingDays); // 10-8, 10-9, 10-10 (Sat, worked), 10-12
    }

    [Fact]
    public void Counting_backwards_gives_zero() =>
        Assert.Equal(0, Calendar.CountWorkingDays(D("2026-10-12"), D("2026-09-30")).WorkingDays);

    [Fact]
    public void Adding_then_counting_gives_the_same_number_of_days()
    {
        var start = D("2026-09-01");
        for (var n = 0; n <= 60; n++)
        {
            var end = Calendar.AddWorkingDays(start, n).End;
            Assert.Equal(n, Calendar.CountWorkingDays(start, end).WorkingDays);
        }
    }

    [Fact]
    public void Mid_autumn_2026_on_a_Friday_is_a_holiday() =>
        Assert.False(Calendar.IsWorkingDay(D("2026-09-25")));

    [Fact]
    public void Without_any_notice_every_date_is_provisional()
    {
        var empty = new WorkingCalendar([], []);
        var span = empty.AddWorkingDays(D("2026-09-30"), 1);

        Assert.Equal(D("2026-10-01"), span.End);
        Assert.True(span.IsProvisional);
    }
}
