using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Approval.Data;
using GovService.Web.Modules.Approval.Review;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Intake.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval;

/// <summary>
/// 后台分类审批: routing templates per item, department queues with exclusive claims, the actions on a step,
/// and the legal clock kept as segments. Reaches cases only through the Intake contracts.
/// </summary>
public static class ApprovalModule
{
    public const string Name = "Approval";

    public static IServiceCollection AddApproval(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApprovalOptions>(configuration.GetSection("Approval"));
        services.AddScoped<ClockKeeper>();
        services.AddScoped<CaseRouting>();
        services.AddScoped<ICaseAcceptedHandler>(sp => sp.GetRequiredService<CaseRouting>());
        services.AddScoped<ICaseSupplementedHandler>(sp => sp.GetRequiredService<CaseRouting>());
        services.AddScoped<ICaseReaders>(sp => sp.GetRequiredService<CaseRouting>());
        services.AddScoped<ICaseClockSource>(sp => sp.GetRequiredService<CaseRouting>());
        services.AddScoped<ICaseClosedHandler, CloseReviewWork>();
        services.AddScoped<DepartmentQueues>();
        services.AddScoped<StepWork>();
        services.AddScoped<ClaimStep>();
        services.AddScoped<ReleaseClaim>();
        services.AddScoped<PassStep>();
        services.AddScoped<ReturnStep>();
        services.AddScoped<RequestSupplement>();
        services.AddScoped<StartSpecialProcedure>();
        services.AddScoped<EndSpecialProcedure>();
        services.AddScoped<RequestExtension>();
        services.AddScoped<DecideExtension>();
        services.AddScoped<TransferStep>();
        services.AddScoped<DecideStep>();
        services.AddScoped<SecondSupplements>();
        services.AddScoped<TaskPages>();
        services.AddScoped<ChiefDeskQueries>();
        services.AddScoped<ChiefDecision.DecideAsChief>();
        services.AddScoped<RouteTemplates>();
        services.AddScoped<SaveRouteTemplate>();
        services.AddScoped<Jobs.ReleaseIdleClaimsJob>();
        services.AddScoped<ISeeder, Seed.RouteTemplateSeeder>();
        return services;
    }

    public static void RegisterApprovalJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<Jobs.ReleaseIdleClaimsJob>(
            Jobs.ReleaseIdleClaimsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/10 * * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });

    public static void ConfigureApproval(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new RouteTemplateConfiguration());
        builder.ApplyConfiguration(new RouteStepConfiguration());
        builder.ApplyConfiguration(new ReviewTaskConfiguration());
        builder.ApplyConfiguration(new TaskActionConfiguration());
        builder.ApplyConfiguration(new CaseClockConfiguration());
        builder.ApplyConfiguration(new ClockSegmentConfiguration());
        builder.ApplyConfiguration(new ClockRecomputationConfiguration());
        builder.ApplyConfiguration(new SecondSupplementRequestConfiguration());
    }
}
