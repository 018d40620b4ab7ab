namespace GovService.Web.Shared.Calendar;

/// <summary>
/// The due dates a case gets on the day it is accepted (受理 or 容缺受理): the promised and the statutory limit of the
/// item, each counted from that day in working or natural days, with no pause yet. The one rule for every path that
/// accepts a case (the window, pre-review, the demo county); the back office's clock reads the same
/// <see cref="LegalClock"/> with the pauses and extensions that follow.
/// </summary>
public sealed record AcceptanceDeadline(ClockReading Promised, ClockReading Statutory)
{
    public static AcceptanceDeadline On(WorkingCalendar calendar, DateOnly acceptedOn, int promisedLimit, bool promisedInWorkingDays, int statutoryLimit, bool statutoryInWorkingDays) => new(
        LegalClock.Read(calendar, acceptedOn, promisedLimit, promisedInWorkingDays, [], acceptedOn),
        LegalClock.Read(calendar, acceptedOn, statutoryLimit, statutoryInWorkingDays, [], acceptedOn));
}
