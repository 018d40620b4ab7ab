using GovService.Web.Modules.Supervision.Data;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Numbering;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision;

/// <summary>
/// 效能监察: the deadline sweep with yellow and red cards, supervision orders (督办) with escalation, and the
/// supervisors' dashboard. Reads cases and steps through the SQL views Intake and Approval publish.
/// </summary>
public static class SupervisionModule
{
    public const string Name = "Supervision";

    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupervisionOptions>(configuration.GetSection("Supervision"));
        services.AddScoped<Intake.Contracts.ICaseClosedHandler, Closing.CloseSupervisionWork>();
        services.AddScoped<DeadlineSweep>();
        services.AddScoped<DeadlineSweepJob>();
        services.AddScoped<DailyDigestJob>();
        services.AddScoped<Dashboard.CaseFactsRefresh>();
        services.AddScoped<Dashboard.SupervisionScope>();
        services.AddMemoryCache();
        services.AddScoped<Dashboard.DashboardQueries>();
        services.AddScoped<Dashboard.CaseStoryQueries>();
        services.AddScoped<SupervisionWork>();
        services.AddScoped<Answering.AnswerAddressedWork>();
        services.AddScoped<Orders.OrderQueries>();
        services.AddScoped<Orders.AnswerOrder>();
        services.AddScoped<Orders.CloseOrder>();
        services.AddScoped<Orders.IssueOrder>();
        services.AddScoped<Complaints.ComplaintQueries>();
        services.AddScoped<Complaints.FileComplaint>();
        services.AddScoped<Complaints.AnswerComplaint>();
        services.AddScoped<Rectifications.RectificationQueries>();
        services.AddScoped<Rectifications.RectificationSteps>();
        services.AddScoped<Rectifications.FeedBackRectification>();
        services.AddScoped<Rectifications.AppealRating>();
        services.AddScoped<Rectifications.DecideAppeal>();
        services.AddScoped<Ratings.RatingDesk>();
        services.AddScoped<Ratings.GiveRating>();
        services.AddScoped<Contracts.IWindowRatings, Ratings.RateAtWindow>();
        services.AddScoped<Ratings.RateRectification>();
        services.AddScoped<CardRules.CardRuleQueries>();
        services.AddScoped<CardRules.SaveCardRule>();
        services.AddScoped<CardRules.DeleteCardRule>();
        return services;
    }

    public static void RegisterSupervisionJobs(this IRecurringJobManager jobs, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SupervisionOptions>>().Value;
        jobs.AddOrUpdate<DeadlineSweepJob>(
            DeadlineSweepJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.SweepCron,
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
        jobs.AddOrUpdate<Dashboard.CaseFactsRefresh>(
            Dashboard.CaseFactsRefresh.RecurringId,
            job => job.RunAsync(false, CancellationToken.None),
            options.FactsCron,
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
        jobs.AddOrUpdate<Dashboard.CaseFactsRefresh>(
            Dashboard.CaseFactsRefresh.RebuildId,
            job => job.RunAsync(true, CancellationToken.None),
            options.FactsRebuildCron,
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
        jobs.AddOrUpdate<DailyDigestJob>(
            DailyDigestJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.DigestCron,
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });
    }

    public static void ConfigureSupervision(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new CardConfiguration());
        builder.ApplyConfiguration(new CardRuleConfiguration());
        builder.ApplyConfiguration(new SupervisionOrderConfiguration());
        builder.ApplyConfiguration(new WorkingDayNumberConfiguration());
        builder.ApplyConfiguration(new RatingConfiguration());
        builder.ApplyConfiguration(new RectificationOrderConfiguration());
        builder.ApplyConfiguration(new ComplaintConfiguration());
        builder.ApplyConfiguration(new CaseDayFactsConfiguration());
        builder.ApplyConfiguration(new SweepStateConfiguration());
        builder.HasSequence<long>(DocumentSeries.SupervisionOrder.Sequence);
        builder.HasSequence<long>(DocumentSeries.Rectification.Sequence);
        builder.HasSequence<long>(DocumentSeries.Complaint.Sequence);
    }
}
