using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Intake.WindowIntake;

/// <summary>
/// 容缺受理: the days the applicant may promise the missing materials by, from tomorrow to the promised completion
/// date. The one rule for both sides of the form: shown next to the date input before the clerk picks a day, and
/// enforced when the case is accepted. Empty (<see cref="First"/> after <see cref="Last"/>) for an item decided today.
/// </summary>
public sealed record DeficiencyDueRange(DateOnly First, DateOnly Last)
{
    public static DeficiencyDueRange For(AcceptanceDeadline deadline, DateOnly today) => new(today.AddDays(1), deadline.Promised.Due);

    public bool IsEmpty => First > Last;

    public bool Contains(DateOnly due) => due >= First && due <= Last;
}

/// <summary>The due dates an intake decided today gives an item (<see cref="AcceptanceDeadline"/> on the county's calendar), and the 容缺 range that follows from them.</summary>
public sealed class IntakeDeadlines(IWorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task<AcceptanceDeadline> TodayAsync(PublishedItem item, CancellationToken ct) =>
        AcceptanceDeadline.On(await calendars.GetAsync(ct), clock.Today(), item.PromisedLimit, item.PromisedInWorkingDays, item.StatutoryLimit, item.StatutoryInWorkingDays);

    public async Task<DeficiencyDueRange> DeficiencyRangeAsync(PublishedItem item, CancellationToken ct) =>
        DeficiencyDueRange.For(await TodayAsync(item, ct), clock.Today());
}
