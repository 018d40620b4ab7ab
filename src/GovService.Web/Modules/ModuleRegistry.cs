using GovService.Web.Modules.Accounts;
using GovService.Web.Modules.Appointments;
using GovService.Web.Modules.Assistance;
using GovService.Web.Modules.Approval;
using GovService.Web.Modules.Calendar;
using GovService.Web.Modules.Catalog;
using GovService.Web.Modules.Hall;
using GovService.Web.Modules.Certificates;
using GovService.Web.Modules.Intake;
using GovService.Web.Modules.Notifications;
using GovService.Web.Modules.Organization;
using GovService.Web.Modules.Portal;
using GovService.Web.Modules.Supervision;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules;

/// <summary>
/// The one list of feature modules. Each module is a folder under Modules/, an MVC Area and a
/// namespace <c>GovService.Web.Modules.&lt;Name&gt;</c>; it is wired here explicitly, never by
/// reflection, and the architecture tests read <see cref="Names"/> to check the boundaries.
/// </summary>
public static class ModuleRegistry
{
    public static readonly IReadOnlyList<string> Names =
    [
        PortalModule.Name,
        AccountsModule.Name,
        OrganizationModule.Name,
        CalendarModule.Name,
        CatalogModule.Name,
        IntakeModule.Name,
        ApprovalModule.Name,
        CertificatesModule.Name,
        NotificationsModule.Name,
        SupervisionModule.Name,
        AppointmentsModule.Name,
        HallModule.Name,
        AssistanceModule.Name,
    ];

    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortal();
        services.AddAccounts(configuration);
        services.AddOrganization();
        services.AddCalendar();
        services.AddCatalog();
        services.AddIntake(configuration);
        services.AddApproval(configuration);
        services.AddCertificates(configuration);
        services.AddNotifications();
        services.AddSupervision(configuration);
        services.AddAppointments(configuration);
        services.AddHall(configuration);
        services.AddAssistance(configuration);
        return services;
    }

    public static ModelBuilder ConfigureModules(this ModelBuilder modelBuilder)
    {
        modelBuilder.ConfigureAccounts();
        modelBuilder.ConfigureOrganization();
        modelBuilder.ConfigureCalendar();
        modelBuilder.ConfigureCatalog();
        modelBuilder.ConfigureIntake();
        modelBuilder.ConfigureApproval();
        modelBuilder.ConfigureCertificates();
        modelBuilder.ConfigureNotifications();
        modelBuilder.ConfigureSupervision();
        modelBuilder.ConfigureAppointments();
        modelBuilder.ConfigureHall();
        modelBuilder.ConfigureAssistance();
        return modelBuilder;
    }

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal();
        endpoints.MapAccounts();
        endpoints.MapHall();
        return endpoints;
    }

    public static void RegisterModuleJobs(IRecurringJobManager jobs, IServiceProvider services)
    {
        jobs.RegisterCalendarJobs();
        jobs.RegisterIntakeJobs();
        jobs.RegisterApprovalJobs();
        jobs.RegisterCertificatesJobs();
        jobs.RegisterNotificationsJobs();
        jobs.RegisterSupervisionJobs(services);
        jobs.RegisterAppointmentsJobs();
        jobs.RegisterHallJobs();
        jobs.RegisterAssistanceJobs();
    }
}
