using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Appointments.Jobs;

/// <summary>
/// 爽约: one statement marks every booking not checked in by its slot's end plus the grace time as a no-show. It only ever
/// takes a booked appointment further (a conditional update), so it is safe to run anywhere at any time; the count per
/// person feeds the clerks' list and the booking bar.
/// </summary>
public sealed class NoShowSweepJob(GovDbContext db, TimeProvider clock, IOptions<AppointmentOptions> options, ILogger<NoShowSweepJob> logger)
{
    public const string RecurringId = "appointments.no-show-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddMinutes(-options.Value.NoShowGraceMinutes);
        var booked = (int)AppointmentState.Booked;
        var noShow = (int)AppointmentState.NoShow;
        var marked = await db.Database.ExecuteSqlAsync($"""
            UPDATE gov.apt_appointments SET state = {noShow}, closed_at = {now}
            WHERE state = {booked} AND ends_at <= {cutoff}
            """, cancellationToken);
        if (marked > 0)
        {
            logger.LogInformation("Appointments: {NoShows} bookings marked no-show", marked);
        }

        return marked;
    }
}
