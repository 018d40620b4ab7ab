using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Staff;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/staff")]
public sealed class StaffController(OrganizationPages pages, CreateStaff createStaff, UpdateStaff updateStaff, LockStaff lockStaff, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await pages.StaffAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await CreateForm(new NewStaffForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewStaffForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await createStaff.RunAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        form.Password = "";
        return await CreateForm(form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.StaffFormAsync(id) is { } form ? await EditForm(form) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, EditStaffForm form, CancellationToken ct)
    {
        form.Id = id;
        if (!await pages.StaffExistsAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await updateStaff.RunAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await EditForm(form);
    }

    [HttpPost("{id:guid}/lock")]
    public async Task<IActionResult> SetLocked(Guid id, bool locked, CancellationToken ct)
    {
        if (!await lockStaff.RunAsync(id, locked, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> CreateForm(NewStaffForm form)
    {
        await FillChoices();
        return View("Create", form);
    }

    private async Task<IActionResult> EditForm(EditStaffForm form)
    {
        await FillChoices();
        return View("Edit", form);
    }

    private async Task FillChoices()
    {
        ViewBag.Halls = await lookups.HallsAsync();
        ViewBag.Departments = await lookups.DepartmentsAsync();
        ViewBag.Regions = await lookups.RegionsAsync();
    }
}
