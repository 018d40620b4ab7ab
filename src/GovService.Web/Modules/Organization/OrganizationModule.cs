using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Data;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Seed;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization;

/// <summary>Regions, departments, service halls with their windows, and where each member of staff works.</summary>
public static class OrganizationModule
{
    public const string Name = "Organization";

    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<Admin.OrganizationPages>();
        services.AddScoped<Workplace.WorkplaceQuery>();
        services.AddScoped<Regions.SaveRegion>();
        services.AddScoped<Departments.SaveDepartment>();
        services.AddScoped<Halls.SaveHall>();
        services.AddScoped<Halls.AddWindow>();
        services.AddScoped<Halls.RemoveWindow>();
        services.AddScoped<Contracts.ITemporaryWindows, Halls.TemporaryWindows>();
        services.AddScoped<Staff.CreateStaff>();
        services.AddScoped<Staff.UpdateStaff>();
        services.AddScoped<Staff.LockStaff>();
        services.AddScoped<OrganizationLookups>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<IRegionDirectory, Regions.RegionDirectory>();
        services.AddScoped<ISeeder, DemoCountySeeder>();
        return services;
    }

    public static void ConfigureOrganization(this ModelBuilder builder) =>
        builder.ApplyConfigurationsFromAssembly(typeof(OrganizationModule).Assembly, t => t.Namespace == typeof(RegionConfiguration).Namespace);
}
