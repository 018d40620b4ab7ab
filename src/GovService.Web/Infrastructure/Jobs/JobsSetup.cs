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

    public const string SchemaName = "hangfire";

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
                    SchemaName = SchemaName,
                    // Installed by DatabaseInitializer under its lock: Hangfire's own install, run by two instances
                    // starting together on a fresh database, collided creating the schema (TwoInstanceTests).
                    PrepareSchemaIfNecessary = false,
                    // Work queued by a person ("check now") should start within seconds, not the default 15 s.
                    QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:QueuePollSeconds", 2)),
                    // Hangfire's locks are rows; one left by a killed instance (or a cut connection) is cleared only
                    // after this. The default 10 minutes stopped every recurring job for that long after a database
                    // restart (bench/faults.sh). It must exceed the longest job guarded by a lock (the figures'
                    // full rebuild, ~30 s at a million cases); jobs whose double run would matter guard themselves
                    // (advisory locks, unique keys).
                    DistributedLockTimeout = TimeSpan.FromSeconds(configuration.GetValue("Jobs:LockTimeoutSeconds", 90)),
                    // EnableLongPolling stays off: it LISTENs on a pooled connection, and the portal's pool hands
                    // connections back without a reset (No Reset On Close, Program.cs).
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

/// <summary>
/// Registers each module's recurring jobs (idempotent: AddOrUpdate by id), after the database is ready. Each
/// AddOrUpdate takes a Hangfire lock; one left behind by an instance that was killed, or whose connection a
/// database restart cut, blocks it until <c>Jobs:LockTimeoutSeconds</c> clears it. The portal does not wait for
/// that: it starts (the schedules registered before are in the database and keep firing) and registration is
/// retried in the background until it succeeds.
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager jobs, IServiceProvider services, ILogger<RecurringJobRegistration> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;
    private bool _disposed;

    /// <summary>The first attempt runs before the portal listens (tests and a fresh database rely on the jobs being there).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!TryRegister())
        {
            _retrying = RetryAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken);
            }
            while (!TryRegister());
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private bool TryRegister()
    {
        try
        {
            ModuleRegistry.RegisterModuleJobs(jobs, services);
            jobs.AddOrUpdate<AuditSealJob>(AuditSealJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            logger.LogInformation("Recurring jobs registered");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Recurring jobs not registered yet (a lock of a stopped instance, or the database is away); retrying in 15 s");
            return false;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped again after it was disposed (WebApplicationFactory does): nothing left to stop then.
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_retrying is not null)
        {
            await _retrying;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }
}
