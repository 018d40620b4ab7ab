using GovService.Web.Modules.Assistance.Data;
using GovService.Web.Modules.Assistance.Figures;
using GovService.Web.Modules.Assistance.Jobs;
using GovService.Web.Modules.Assistance.Mandates;
using GovService.Web.Modules.Assistance.Requests;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Assistance;

/// <summary>
/// The three-level 代办 and 帮办 network (村代收、乡镇转办、县审批): mandates citizens grant agents (委托代办), requests for 代办,
/// 上门办 and 帮办 offered to a village's, township's and the county's agents, the agents' desk, 回访 and the figures.
/// </summary>
public static class AssistanceModule
{
    public const string Name = "Assistance";

    public static IServiceCollection AddAssistance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AssistanceOptions>(configuration.GetSection(Name));
        services.AddScoped<GrantMandate>();
        services.AddScoped<ChangeMandate>();
        services.AddScoped<MandateQueries>();
        services.AddScoped<Intake.Contracts.IAgentMandates, AgentMandates>();
        services.AddScoped<RequestRouting>();
        services.AddScoped<AskForAssistance>();
        services.AddScoped<WorkOnRequest>();
        services.AddScoped<CancelByCitizen>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<AssistancePages>();
        services.AddScoped<Intake.Contracts.ICaseClosedHandler, FinishWithCase>();
        services.AddScoped<FollowUps>();
        services.AddScoped<Contracts.IAgentFigures, AgentFigures>();
        services.AddScoped<RequestDeadlineWatch>();
        return services;
    }

    public static void RegisterAssistanceJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RequestDeadlineWatch>(
            RequestDeadlineWatch.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });

    public static void ConfigureAssistance(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new MandateConfiguration());
        builder.ApplyConfiguration(new MandateActConfiguration());
        builder.ApplyConfiguration(new AssistanceRequestConfiguration());
        builder.ApplyConfiguration(new RequestContactConfiguration());
        builder.ApplyConfiguration(new RequestCardConfiguration());
        builder.HasSequence<long>(Shared.Numbering.DocumentSeries.Mandate.Sequence);
        builder.HasSequence<long>(Shared.Numbering.DocumentSeries.AssistanceRequest.Sequence);
    }
}
