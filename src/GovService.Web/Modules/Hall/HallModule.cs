using GovService.Web.Modules.Hall.Calling;
using GovService.Web.Modules.Hall.Device;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Hall.ToCase;
using GovService.Web.Modules.Intake.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Hall;

/// <summary>
/// The service hall's queue: tickets (取号) at the kiosk, the 导服 desk or an appointment check-in; calling (叫号) from
/// the window's panel with the hall's calling display live over SignalR; the ticket kept with the case window intake
/// makes of it; the window's rating device (评价器).
/// </summary>
public static class HallModule
{
    public const string Name = "Hall";

    public const string HubPath = "/hubs/hall";

    public static IServiceCollection AddHall(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HallOptions>(configuration.GetSection("Hall"));
        services.AddSignalR();
        services.AddSingleton<HallDelivery>();
        services.AddSingleton<HallBroadcast>();
        services.AddHostedService<HallEventListener>();
        services.AddScoped<TicketNumbers>();
        services.AddScoped<QueueQueries>();
        services.AddScoped<DeskQueries>();
        services.AddScoped<IssueTicket>();
        services.AddScoped<Contracts.IQueueTickets>(sp => sp.GetRequiredService<IssueTicket>());
        services.AddScoped<CheckInAppointment>();
        services.AddScoped<SelfService.KioskTokens>();
        services.AddScoped<SelfService.KioskWallet>();
        services.AddScoped<CallNext>();
        services.AddScoped<TicketActions>();
        services.AddScoped<PairDevice>();
        services.Configure<Dashboard.CrowdAlertOptions>(configuration.GetSection(Dashboard.CrowdAlertOptions.Section));
        services.AddScoped<Dashboard.HallDashboardQueries>();
        services.AddScoped<Dashboard.TemporaryWindowActions>();
        services.AddScoped<Dashboard.CrowdWatchJob>();
        services.AddScoped<RateAtDevice>();
        services.AddScoped<ICaseTakenInHandler, KeepTicketWithCase>();
        return services;
    }

    public static void RegisterHallJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<Dashboard.CrowdWatchJob>(
            Dashboard.CrowdWatchJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });

    public static void ConfigureHall(this ModelBuilder builder) =>
        builder.ApplyConfigurationsFromAssembly(typeof(HallModule).Assembly, t => t.Namespace == typeof(Data.TicketConfiguration).Namespace);

    public static IEndpointRouteBuilder MapHall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<HallHub>(HubPath).AllowAnonymous();
        return endpoints;
    }
}
