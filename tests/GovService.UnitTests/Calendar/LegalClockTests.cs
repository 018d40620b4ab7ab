using GovService.Web.Shared.Calendar;

namespace GovService.UnitTests.Calendar;

/// <summary>The clock as segments, against the real 2026 notice (国庆 10-01…10-07, 调休 Saturday 10-10).</summary>
public sealed class LegalClockTests
{
    private static readonly WorkingCalendar Calendar = Notices.LoadCalendar();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Without_pauses_the_due_date_skips_national_day_and_counts_the_adjusted_saturday()
    {
        var reading = LegalClock.Read(Calendar, D("2026-09-29"), 5, [], D("2026-09-29"));

        // 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
        Assert.Equal(D("2026-10-12"), reading.Due);
        Assert.Contains(D("2026-10-10"), reading.Span.AdjustedWorkdaysCounted);
        Assert.Equal(5, reading.RemainingWorkingDays);
    }

    [Fact]
    public void A_limit_in_natural_days_counts_the_holiday_and_its_pauses_day_by_day()
    {
        var supplement = new ClockSegment(ClockSegmentKind.PausedForSupplement, D("2026-09-30"), D("2026-10-03"));
        var reading = LegalClock.Read(Calendar, D("2026-09-29"), 5, inWorkingDays: false, [supplement], D("2026-10-05"));

        // 5 natural days from 09-29 is 10-04, national day or not; the three paused days move it to 10-07.
        Assert.Equal(D("2026-10-07"), reading.Due);
    }

    [Fact]
    public void At_acceptance_the_promised_date_counts_working_days_and_the_statutory_one_natural_days_when_the_item_says_so()
    {
        var deadline = AcceptanceDeadline.On(Calendar, D("2026-09-29"), 5, promisedInWorkingDays: true, 20, statutoryInWorkingDays: false);

        Assert.Equal(D("2026-10-12"), deadline.Promised.Due);
        Assert.Equal(D("2026-10-19"), deadline.Statutory.Due);
        Assert.False(deadline.Promised.IsProvisional);
        Assert.False(deadline.Statutory.IsProvisional);
    }

    [Fact]
    public void Each_due_date_is_provisional_for_itself_a_statutory_date_in_an_unloaded_year_leaves_the_promised_one_firm()
    {
        // Accepted Monday 2026-12-07: 5 working days end on 12-14 (2026 is loaded); 20 reach into 2027, whose notice is not.
        var deadline = AcceptanceDeadline.On(Calendar, D("2026-12-07"), 5, promisedInWorkingDays: true, 20, statutoryInWorkingDays: true);

        Assert.Equal(D("2026-12-14"), deadline.Promised.Due);
        Assert.False(deadline.Promised.IsProvisional);
        Assert.Equal(2027, deadline.Statutory.Due.Year);
        Assert.True(deadline.Statutory.IsProvisional);
    }

    [Fact]
    public void A_limit_in_natural_days_needs_no_holiday_notice_and_is_never_provisional()
    {
        var reading = LegalClock.Read(Calendar, D("2026-12-20"), 30, inWorkingDays: false, [], D("2026-12-20"));

        Assert.Equal(D("2027-01-19"), reading.Due);
        Assert.False(reading.IsProvisional);
        Assert.Empty(reading.Span.Skipped);
    }

    [Fact]
    public void A_supplement_of_three_working_days_across_the_holiday_moves_the_due_date_by_exactly_three_working_days()
    {
        // Asked on 09-30, answered on 10-10: 10-08, 10-09 and 10-10 are paused; the holiday itself was never counted.
        var supplement = new ClockSegment(ClockSegmentKind.PausedForSupplement, D("2026-09-30"), D("2026-10-10"));
        var reading = LegalClock.Read(Calendar, D("2026-09-29"), 5, [supplement], D("2026-10-12"));

        Assert.Equal(3, reading.PausedWorkingDays);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-10-12"), 3).End, reading.Due);
        Assert.Equal(D("2026-10-15"), reading.Due);
        Assert.False(reading.IsPaused);
    }

    [Fact]
    public void An_open_pause_moves_the_due_date_every_working_day_until_it_ends()
    {
        var open = new ClockSegment(ClockSegmentKind.PausedForSpecialProcedure, D("2026-11-23"), null);

        var monday = LegalClock.Read(Calendar, D("2026-11-20"), 5, [open], D("2026-11-23"));
        var thursday = LegalClock.Read(Calendar, D("2026-11-20"), 5, [open], D("2026-11-26"));
        var saturday = LegalClock.Read(Calendar, D("2026-11-20"), 5, [open], D("2026-11-28"));

        Assert.True(monday.IsPaused);
        Assert.Equal(0, monday.PausedWorkingDays);
        Assert.Equal(3, thursday.PausedWorkingDays);
        Assert.Equal(4, saturday.PausedWorkingDays); // the weekend is not a working day
        Assert.Equal(Calendar.AddWorkingDays(monday.Due, 3).End, thursday.Due);
        Assert.Equal(1, thursday.ElapsedWorkingDays); // only 11-23 ran
    }

    [Fact]
    public void Overlapping_pauses_count_each_working_day_once()
    {
        var supplement = new ClockSegment(ClockSegmentKind.PausedForSupplement, D("2026-11-02"), D("2026-11-06"));
        var hearing = new ClockSegment(ClockSegmentKind.PausedForSpecialProcedure, D("2026-11-04"), D("2026-11-10"));

        var reading = LegalClock.Read(Calendar, D("2026-11-02"), 10, [supplement, hearing], D("2026-11-30"));

        // 11-03 … 11-06 and 11-09, 11-10: six distinct working days.
        Assert.Equal(6, reading.PausedWorkingDays);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-11-02"), 16).End, reading.Due);
    }

    [Fact]
    public void An_extension_adds_its_working_days_to_the_limit()
    {
        var extension = new ClockSegment(ClockSegmentKind.Extended, D("2026-11-20"), D("2026-11-20"), ExtraWorkingDays: 10);

        var reading = LegalClock.Read(Calendar, D("2026-11-02"), 20, [extension], D("2026-11-20"));

        Assert.Equal(Calendar.AddWorkingDays(D("2026-11-02"), 30).End, reading.Due);
        Assert.Equal(10, reading.ExtensionWorkingDays);
    }

    [Fact]
    public void Promised_and_statutory_clocks_share_the_pauses_but_keep_their_own_limits()
    {
        var pause = new ClockSegment(ClockSegmentKind.PausedForSupplement, D("2026-09-30"), D("2026-10-10"));

        var promised = LegalClock.Read(Calendar, D("2026-09-29"), 5, [pause], D("2026-10-20"));
        var statutory = LegalClock.Read(Calendar, D("2026-09-29"), 20, [pause], D("2026-10-20"));

        Assert.True(statutory.Due > promised.Due);
        Assert.Equal(Calendar.AddWorkingDays(promised.Due, 15).End, statutory.Due);
        Assert.True(promised.RemainingWorkingDays < 0); // overdue on 10-20
    }

    [Fact]
    public void A_pause_answered_the_day_it_was_asked_costs_nothing()
    {
        var sameDay = new ClockSegment(ClockSegmentKind.PausedForSupplement, D("2026-11-23"), D("2026-11-23"));

        Assert.Equal(LegalClock.Read(Calendar, D("2026-11-20"), 5, [], D("2026-11-23")).Due, LegalClock.Read(Calendar, D("2026-11-20"), 5, [sameDay], D("2026-11-23")).Due);
    }
}
