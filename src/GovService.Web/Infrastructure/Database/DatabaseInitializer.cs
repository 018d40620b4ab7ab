using System.Diagnostics;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;
using GovService.Web.Infrastructure.Jobs;
using Hangfire.PostgreSql;

namespace GovService.Web.Infrastructure.Database;

/// <summary>
/// Applies pending migrations, then the seeders, before the server starts listening (hosted
/// services start before Kestrel). Several instances may start at once (a fresh database, N servers
/// started together): a PostgreSQL advisory lock, held on its own connection around the migration, and
/// another around seeding keep them from stepping on each other. EF Core's own migration lock is not
/// enough on a database without the schema yet: two instances were seen creating the same table.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    private const long SeedLockKey = 0x60F5E1;
    private const long MigrateLockKey = 0x60F5E0;
    private const int LockWaitSeconds = 600;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDbContext>();

        var started = Stopwatch.StartNew();
        // Unpooled: this session's advisory lock and Hangfire's installer (SET search_path) end with it, instead of
        // going back to the pool, whose connections are handed out again without a reset (Program.cs).
        var unpooled = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        await using (var migrateLock = new NpgsqlConnection(unpooled))
        {
            await migrateLock.OpenAsync(cancellationToken);
            // Another instance may be migrating and seeding a fresh database meanwhile: wait for it, not 30 s.
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrateLockKey})", migrateLock) { CommandTimeout = LockWaitSeconds })
            {
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            try
            {
                // The history table first (with its schema): on a fresh database EF Core would otherwise read the
                // missing table, catch the failure and log it as an error before creating it — twice, on every first start.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

                // Pending is read under the lock: an instance that waited finds the other's work done.
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
                    await db.Database.MigrateAsync(cancellationToken);
                }

                // Hangfire's tables (schema hangfire), installed or upgraded under the same lock; idempotent.
                PostgreSqlObjectsInstaller.Install(migrateLock, JobsSetup.SchemaName);
            }
            finally
            {
                // Explicitly, so a waiting instance goes on at once (the session ends with the connection anyway).
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrateLockKey})", migrateLock);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        logger.LogInformation("Database schema is current ({ElapsedMs} ms)", started.ElapsedMilliseconds);

        db.Database.SetCommandTimeout(LockWaitSeconds);  // waiting for another instance's seeding, and seeding itself
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
