using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Regions;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/regions")]
public sealed class RegionsController(OrganizationPages pages, SaveRegion save, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.RegionsAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Form(new RegionForm());

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.RegionFormAsync(id) is { } form ? await Form(form) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save(RegionForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await save.RunAsync(form, ct)).Select(e => (e.Field, e.Message))))
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
