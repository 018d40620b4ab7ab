namespace GovService.Web.Modules.Portal;

/// <summary>The portal's front door: home page, language and care-mode switches, error pages.</summary>
public static class PortalModule
{
    public const string Name = "Portal";

    public static IServiceCollection AddPortal(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapControllerRoute("home", "", new { area = Name, controller = "Home", action = "Index" });
        return endpoints;
    }
}
