using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Calendar.Domain;
using GovService.Web.Modules.Calendar.Import;
using GovService.Web.Modules.Calendar.Jobs;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Calendar;

/// <summary>
/// Stores the working calendar (the State Council's annual notices), lets administrators import a
/// new year, and checks daily that the coming year is loaded. The computation itself is in
/// <see cref="WorkingCalendar"/> (Shared kernel), which every module uses.
/// </summary>
public static class CalendarModule
{
    public const string Name = "Calendar";

    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<IWorkingCalendarProvider, DatabaseWorkingCalendarProvider>();
        services.AddScoped<HolidayNoticeParser>();
        services.AddScoped<HolidayNoticeImporter>();
        services.AddScoped<ImportHolidayNotice>();
        services.AddScoped<Admin.CalendarQueries>();
        services.AddScoped<CalendarCoverageJob>();
        services.AddScoped<ISeeder, BundledNoticeSeeder>();
        return services;
    }

    public static void ConfigureCalendar(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new CalendarDayConfiguration());
        builder.ApplyConfiguration(new CalendarYearConfiguration());
        builder.ApplyConfiguration(new CalendarCoverageCheckConfiguration());
    }

    public static void RegisterCalendarJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CalendarCoverageJob>(
            CalendarCoverageJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 7 * * *",
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
