using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Data;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Catalog.Exchange;
using GovService.Web.Modules.Catalog.Seed;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog;

/// <summary>
/// The service catalog (事项目录): versioned items with their guides, materials and application
/// fields, 一件事 bundles, the public portal's browse and search, administration, import/export and
/// the open-data API.
/// </summary>
public static class CatalogModule
{
    public const string Name = "Catalog";

    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<CatalogQueries>();
        services.AddMemoryCache();
        services.AddScoped<Contracts.ICatalogDirectory, CatalogDirectory>();
        services.AddScoped<CatalogEditor>();
        services.AddScoped<CatalogImporter>();
        services.AddScoped<CatalogExporter>();
        services.AddScoped<Admin.CatalogAdminQueries>();
        services.AddScoped<Admin.CreateItem>();
        services.AddScoped<Admin.CutDraft>();
        services.AddScoped<Admin.SaveGuide>();
        services.AddScoped<Admin.SaveMaterial>();
        services.AddScoped<Admin.SaveField>();
        services.AddScoped<Admin.RemoveFromDraft>();
        services.AddScoped<Admin.UploadMaterialFile>();
        services.AddScoped<Admin.PublishItem>();
        services.AddScoped<Admin.RetireItem>();
        services.AddScoped<Admin.ImportCatalog>();
        services.AddScoped<ISeeder, DemoCatalogSeeder>();
        return services;
    }

    public static void ConfigureCatalog(this ModelBuilder builder)
    {
        // Trigram index for substring search in Chinese names ("营业" finds "个体工商户营业执照").
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogModule).Assembly, t => t.Namespace == typeof(ServiceItemConfiguration).Namespace);
    }
}
