using System.Diagnostics;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Infrastructure.Database;

/// <summary>
/// Applies pending migrations, then the seeders, before the server starts listening (hosted
/// services start before Kestrel). Several instances may start at once: EF Core's migration lock
/// and a PostgreSQL advisory lock around seeding keep them from stepping on each other.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    private const long SeedLockKey = 0x60F5E1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDbContext>();

        var started = Stopwatch.StartNew();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is current ({ElapsedMs} ms)", started.ElapsedMilliseconds);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(seedOptions.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seed done (demo data: {Demo})", seedOptions.Value.Demo);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
