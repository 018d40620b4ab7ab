using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Catalog.Exchange;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Seed;

/// <summary>
/// The demo county's catalog (Seed/catalog-seed.json): imported and published through the same
/// importer an administrator uses, so the seed obeys every rule of the catalog.
/// </summary>
internal sealed class DemoCatalogSeeder(GovDbContext db, CatalogImporter importer, IWebHostEnvironment environment, ILogger<DemoCatalogSeeder> logger) : ISeeder
{
    public int Order => 40;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo || await db.Set<ServiceItem>().AnyAsync(cancellationToken))
        {
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Seed", "catalog-seed.json");
        if (!File.Exists(path))
        {
            path = Path.Combine(environment.ContentRootPath, "Modules", "Catalog", "Seed", "catalog-seed.json");
        }

        await using var stream = File.OpenRead(path);
        var (document, errors) = await importer.ParseAsync(stream, cancellationToken);
        if (document is null)
        {
            throw new InvalidOperationException("The demo catalog is invalid: " + string.Join("; ", errors));
        }

        var outcome = await importer.ImportAsync(document, "seed", publish: true, cancellationToken);
        if (outcome.LintFailures.Count > 0)
        {
            throw new InvalidOperationException("Demo catalog items fail the publishing lint: " + string.Join("; ", outcome.LintFailures));
        }

        logger.LogInformation("Demo catalog seeded: {Items} items, {Bundles} bundles", outcome.Published, outcome.Bundles);
    }
}
