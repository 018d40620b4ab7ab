using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Departments;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/departments")]
public sealed class DepartmentsController(OrganizationPages pages, SaveDepartment save, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.DepartmentsAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Form(new DepartmentForm());

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.DepartmentFormAsync(id) is { } form ? await Form(form) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save(DepartmentForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await save.RunAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await Form(form);
    }

    private async Task<IActionResult> Form(DepartmentForm form)
    {
        ViewBag.Regions = await lookups.RegionsAsync();
        return View("Edit", form);
    }
}
