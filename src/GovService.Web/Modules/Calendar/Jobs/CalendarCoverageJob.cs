using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Calendar.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;

namespace GovService.Web.Modules.Calendar.Jobs;

/// <summary>
/// Daily check that the holiday notice for the current and the coming year is loaded. The State
/// Council publishes next year's notice in autumn; until it is imported, every deadline that reaches
/// into that year is computed Monday–Friday and shown as provisional, so administrators must be told.
/// </summary>
public sealed class CalendarCoverageJob(GovDbContext db, IWorkingCalendarProvider calendars, TimeProvider clock, ILogger<CalendarCoverageJob> logger)
{
    public const string RecurringId = "calendar.coverage-check";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = clock.Today();
        var check = new CalendarCoverageCheck
        {
            CheckedAt = clock.GetUtcNow(),
            Today = today,
            LastLoadedYear = calendar.LastLoadedYear,
            CurrentYearMissing = !calendar.IsLoaded(today.Year),
            // Deadlines of up to 60 working days reach into next year from October on.
            NextYearMissing = today.Month >= 10 && !calendar.IsLoaded(today.Year + 1),
        };
        db.Add(check);
        await db.SaveChangesAsync(cancellationToken);

        if (check.CurrentYearMissing || check.NextYearMissing)
        {
            logger.LogWarning("Holiday notice missing (current year missing: {CurrentMissing}, next year missing: {NextMissing}); deadlines in those years are provisional", check.CurrentYearMissing, check.NextYearMissing);
        }
        else
        {
            logger.LogInformation("Holiday notices cover {Year} and the coming months", today.Year);
        }
    }
}
