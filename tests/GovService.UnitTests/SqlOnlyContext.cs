using GovService.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovService.UnitTests;

/// <summary>
/// The portal's context with its provider and naming convention but no server behind it: enough for
/// <c>ToQueryString()</c>, to see the SQL a query becomes without running it.
/// </summary>
internal static class SqlOnlyContext
{
    public static GovDbContext Create() =>
        new(new DbContextOptionsBuilder<GovDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
