using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Modules;
using GovService.Web.Shared.Security;
using Hangfire;
using Hangfire.PostgreSql;

namespace GovService.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire on PostgreSQL, in the platform database (schema <c>hangfire</c>). Every instance may run a
/// server: Hangfire's storage distributes jobs, and recurring jobs fire once per schedule across all
/// instances. Tests switch the server off (<c>Jobs:RunServer=false</c>) and run jobs directly.
/// </summary>
internal static class JobsSetup
{
    public const string DashboardPath = "/ops/jobs";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // Work queued by a person ("check now") should start within seconds, not the default 15 s.
                    QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:QueuePollSeconds", 2)),
                }));

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Authorisation is the endpoint's (administrators only); Hangfire's own filter would allow local requests only.
            Authorization = [],
            DashboardTitle = "GovService · 后台任务",
            AppPath = "/",
        }).RequireAuthorization(Policies.AdminOnly);
}

/// <summary>Registers each module's recurring jobs (idempotent: AddOrUpdate by id), after the database is ready.</summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager jobs, IServiceProvider services, ILogger<RecurringJobRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ModuleRegistry.RegisterModuleJobs(jobs, services);
        jobs.AddOrUpdate<AuditSealJob>(AuditSealJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        logger.LogInformation("Recurring jobs registered");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
