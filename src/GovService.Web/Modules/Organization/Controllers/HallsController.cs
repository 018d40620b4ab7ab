using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Halls;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/halls")]
public sealed class HallsController(OrganizationPages pages, SaveHall save, AddWindow addWindow, RemoveWindow removeWindow, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.HallsAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Page(new HallForm(), null);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.HallFormAsync(id) is { } form ? await Page(form, null) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save([Bind(Prefix = "Hall")] HallForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await save.RunAsync(form, ct)).Select(e => ("Hall." + e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await Page(form, null);
    }

    [HttpPost("{id:guid}/windows")]
    public async Task<IActionResult> AddWindow(Guid id, [Bind(Prefix = "NewWindow")] WindowForm form, CancellationToken ct)
    {
        form.HallId = id;
        if (!await pages.HallExistsAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await addWindow.RunAsync(form, ct)).Select(e => ("NewWindow." + e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Edit), new { id });
        }

        return await Page((await pages.HallFormAsync(id, ct))!, form);
    }

    [HttpPost("{id:guid}/windows/{windowId:guid}/remove")]
    public async Task<IActionResult> RemoveWindow(Guid id, Guid windowId, CancellationToken ct)
    {
        if (!await removeWindow.RunAsync(id, windowId, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> Page(HallForm form, WindowForm? newWindow)
    {
        ViewBag.Regions = await lookups.RegionsAsync();
        return View("Edit", await pages.HallPageAsync(form, newWindow));
    }
}
