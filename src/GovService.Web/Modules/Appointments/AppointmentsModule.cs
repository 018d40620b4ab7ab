using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Appointments.Booking;
using GovService.Web.Modules.Appointments.Data;
using GovService.Web.Modules.Appointments.Hours;
using GovService.Web.Modules.Appointments.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments;

/// <summary>The halls' service hours (服务时间) and the appointment book (预约): slots, bookings, reminders, no-shows, check-in.</summary>
public static class AppointmentsModule
{
    public const string Name = "Appointments";

    public static IServiceCollection AddAppointments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppointmentOptions>(configuration.GetSection(Name));
        services.AddScoped<ServiceHoursQueries>();
        services.AddScoped<Catalog.Contracts.IItemHalls>(sp => sp.GetRequiredService<ServiceHoursQueries>());
        services.AddScoped<EditServiceHours>();
        services.AddScoped<SlotBoard>();
        services.AddScoped<BookAppointment>();
        services.AddScoped<BookingPages>();
        services.AddScoped<CancelAppointment>();
        services.AddScoped<AppointmentNotices>();
        services.AddScoped<AppointmentQueries>();
        services.AddScoped<Contracts.IAppointmentCheckIn, AppointmentCheckIn>();
        services.AddScoped<Contracts.IAppointmentFigures, AppointmentFigures>();
        services.AddScoped<AppointmentReminderJob>();
        services.AddScoped<NoShowSweepJob>();
        services.AddScoped<ISeeder, Seed.ServiceHoursSeeder>();
        return services;
    }

    public static void RegisterAppointmentsJobs(this IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<AppointmentReminderJob>(
            AppointmentReminderJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 17 * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
        jobs.AddOrUpdate<NoShowSweepJob>(
            NoShowSweepJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
    }

    public static void ConfigureAppointments(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new OpeningPeriodConfiguration());
        builder.ApplyConfiguration(new BlackoutConfiguration());
        builder.ApplyConfiguration(new AppointmentConfiguration());
        builder.HasSequence<long>(Shared.Numbering.DocumentSeries.Appointment.Sequence);
    }
}
