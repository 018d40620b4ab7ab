using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the host (which needs a
/// live database). The connection string is never opened for adding a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GovDbContext>
{
    public GovDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GovDbContext>()
            .UseNpgsql(
                Environment.GetEnvironmentVariable("ConnectionStrings__Gov") ?? "Host=127.0.0.1;Database=govservice_design",
                npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", GovDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .Options);
}
