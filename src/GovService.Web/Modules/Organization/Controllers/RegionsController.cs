using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Regions;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/regions")]
public sealed class RegionsController(GovDbContext db, OrganizationAdmin admin, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Form(new RegionForm());

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        return region is null
            ? NotFound()
            : await Form(new RegionForm { Id = region.Id, Code = region.Code, Name = region.Name, Level = region.Level, ParentId = region.ParentId, Version = region.Version });
    }

    [HttpPost("save")]
    public async Task<IActionResult> Save(RegionForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await admin.SaveRegionAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await Form(form);
    }

    private async Task<IActionResult> Form(RegionForm form)
    {
        ViewBag.Parents = await lookups.RegionsAsync(RegionLevel.County, RegionLevel.Township);
        return View("Edit", form);
    }
}
