using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Intake.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.Seed;
using GovService.Web.Modules.Intake.Status;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake;

/// <summary>
/// Cases (办件) from application or window intake to delivery. So far: the case and its lifecycle,
/// case numbers, demo cases and the public status lookup; online application and window intake follow.
/// </summary>
public static class IntakeModule
{
    public const string Name = "Intake";

    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Custody.CustodyOptions>(configuration.GetSection(Custody.CustodyOptions.Section));
        services.AddScoped<Custody.CaseReception>();
        services.AddScoped<Custody.MoveCustody>();
        services.AddScoped<Custody.CustodyQueries>();
        services.AddScoped<Custody.HandOverAtStation>();
        services.AddScoped<CaseNumbers>();
        services.AddScoped<CaseClosure>();
        services.AddScoped<ApplicantNotices>();
        services.AddScoped<ApplicantNoticeWords>();
        services.AddScoped<Decisions.DecisionDocuments>();
        services.AddScoped<CaseStatusLookup>();
        services.AddScoped<Contracts.ICaseStatusLookup>(sp => sp.GetRequiredService<CaseStatusLookup>());
        services.AddScoped<WindowIntake.AcceptAtWindow>();
        services.AddScoped<WindowIntake.TakeInAtWindow>();
        services.AddScoped<Jobs.DeficiencySweepJob>();
        services.AddScoped<Jobs.DeficiencyReminderJob>();
        services.AddScoped<WindowIntake.WindowQueries>();
        services.AddScoped<WindowIntake.ApplicantLicences>();
        services.AddScoped<WindowIntake.IntakeDeadlines>();
        services.AddScoped<OnlineApplication.ApplyOnline>();
        services.AddScoped<Supplying.SupplyMaterials>();
        services.AddScoped<PreReview.PreReviewQueries>();
        services.AddScoped<MyCases.MyCaseQueries>();
        services.AddScoped<MyCases.WithdrawCase>();
        services.AddScoped<OnlineApplication.ApplicationQueries>();
        services.AddScoped<CaseDecisions>();
        services.AddScoped<Delivery.DeliveryQueries>();
        services.AddScoped<Delivery.DeliverResult>();
        services.AddScoped<Immediate.ImmediateQueries>();
        services.AddScoped<Immediate.DecideImmediately>();
        services.AddScoped<CaseFiles.CaseFileAccess>();
        services.AddScoped<MaterialFiles>();
        services.AddScoped<CaseAnswers>();
        services.AddScoped<Contracts.ICaseRecords, CaseRecords>();
        services.AddScoped<Contracts.ILicenceUseCheck, LicenceUseCheck>();
        services.AddScoped<Contracts.ICaseBriefs, MyCases.CaseBriefs>();
        services.AddScoped<ISeeder, DemoCaseSeeder>();
        return services;
    }

    public static void RegisterIntakeJobs(this IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<Jobs.DeficiencySweepJob>(
            Jobs.DeficiencySweepJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "30 0 * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
        jobs.AddOrUpdate<Jobs.DeficiencyReminderJob>(
            Jobs.DeficiencyReminderJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 8 * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
    }

    public static void ConfigureIntake(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new CaseConfiguration());
        builder.ApplyConfiguration(new CaseCounterConfiguration());
        builder.ApplyConfiguration(new CaseMaterialConfiguration());
        builder.ApplyConfiguration(new CaseFileConfiguration());
        builder.ApplyConfiguration(new CaseStepConfiguration());
        builder.ApplyConfiguration(new CustodyParcelConfiguration());
        builder.ApplyConfiguration(new CustodyMoveConfiguration());
        builder.ApplyConfiguration(new CaseLicenceRefConfiguration());
        builder.HasSequence<long>(Shared.Numbering.DocumentSeries.GrantDecision.Sequence);
        builder.HasSequence<long>(Shared.Numbering.DocumentSeries.DenialDecision.Sequence);
    }
}
