using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Booking;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments.Jobs;

/// <summary>
/// The day before: every booking of tomorrow still booked gets a reminder in the inbox and by text message (outbox). The
/// notice's key names the booking, so however often the job runs, and on however many instances, each booking is reminded
/// once; a booking cancelled or changed meanwhile has its waiting reminder cancelled.
/// </summary>
public sealed class AppointmentReminderJob(GovDbContext db, IOrganizationDirectory organization, AppointmentNotices notices, TimeProvider clock, ILogger<AppointmentReminderJob> logger)
{
    public const string RecurringId = "appointments.reminder";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var tomorrow = clock.Today().AddDays(1);
        var due = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.Day == tomorrow && a.State == AppointmentState.Booked).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var halls = (await organization.HallDetailsAsync(cancellationToken)).ToDictionary(h => h.Id, h => h.Name);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var posted = await notices.RemindAsync([.. due.Select(a => (a, halls.GetValueOrDefault(a.HallId, "")))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Appointments: {Reminded} reminders for {Day}", posted, tomorrow);
        return posted;
    }
}
