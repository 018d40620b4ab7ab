using System.Globalization;
using GovService.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace GovService.Web.Infrastructure.Web;

/// <summary>Marks data that anonymous public pages show (catalog, organisation, calendar): changing it invalidates them.</summary>
public interface IPublicContent;

/// <summary>
/// One row whose <see cref="Stamp"/> changes in the same transaction as every change to
/// <see cref="IPublicContent"/> (items, versions, departments, calendar …). Public pages are cached per stamp, so a change made on any
/// instance invalidates every instance's cached pages at its commit: no cross-instance messaging, and
/// no page outlives the data it shows.
/// </summary>
public sealed class ContentRevision
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public Guid Stamp { get; set; }
}

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.ToTable("ops_content_revision");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new ContentRevision { Id = ContentRevision.SingletonId, Stamp = Guid.Parse("00000000-0000-0000-0000-000000000001") });
    }
}

/// <summary>Reads the current stamp: one indexed single-row query per cacheable request.</summary>
internal sealed class ContentRevisionReader(NpgsqlDataSource dataSource, ILogger<ContentRevisionReader> logger)
{
    public async ValueTask<string> CurrentAsync(CancellationToken ct)
    {
        // A pooled connection can be dead after a database restart; the second attempt gets a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT stamp FROM gov.ops_content_revision WHERE id = 1");
                return (await command.ExecuteScalarAsync(ct))?.ToString() ?? "none";
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && attempt < 2)
            {
                logger.LogWarning(e, "Content stamp unreadable, retrying");
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Never serve a page from the cache without knowing it is current: a unique key is a miss.
                logger.LogWarning(e, "Content stamp unreadable; serving uncached");
                return "unknown-" + Guid.NewGuid();
            }
        }
    }
}

internal static class PublicPageCache
{
    public const string Policy = "public-pages";

    /// <summary>
    /// Anonymous GETs of public pages are cached, varied by query, language, care mode and the content
    /// stamp. Signed-in users are never served from or into the cache (the default policy's rule), nor
    /// responses that set cookies.
    /// </summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<ContentRevisionReader>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .VaryByValue(async (context, ct) =>
                {
                    var stamp = await context.RequestServices.GetRequiredService<ContentRevisionReader>().CurrentAsync(ct);
                    var care = context.Request.Cookies.ContainsKey(Shared.Web.CareMode.Cookie) ? "care" : "std";
                    return new KeyValuePair<string, string>("v", $"{stamp}|{CultureInfo.CurrentUICulture.Name}|{care}");
                }));
        });
        return services;
    }
}
