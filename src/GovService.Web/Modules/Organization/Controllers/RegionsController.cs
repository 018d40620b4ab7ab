using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Regions;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Route("admin/regions")]
public sealed class RegionsController(OrganizationPages pages, SaveRegion save, OrganizationLookups lookups) : AdminFormController<Region, RegionForm>
{
    protected override Task<List<Region>> ListAsync() => pages.RegionsAsync();

    protected override Task<RegionForm?> FindAsync(Guid id) => pages.RegionFormAsync(id);

    protected override Task<IReadOnlyList<FormError>> SaveAsync(RegionForm form, CancellationToken ct) => save.RunAsync(form, ct);

    /// <summary>A region's parent is the county or a township.</summary>
    protected override async Task FillChoicesAsync() => ViewBag.Parents = await lookups.RegionsAsync(RegionLevel.County, RegionLevel.Township);
}
