using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Halls;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Controllers;

public sealed record HallPage(HallForm Hall, IReadOnlyList<ServiceWindow> Windows, WindowForm NewWindow);

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/halls")]
public sealed class HallsController(GovDbContext db, OrganizationAdmin admin, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Set<ServiceHall>().AsNoTracking().Include(h => h.Windows).OrderBy(h => h.Kind).ThenBy(h => h.Name).ToListAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Page(new HallForm(), null);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var h = await db.Set<ServiceHall>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return h is null
            ? NotFound()
            : await Page(new HallForm { Id = h.Id, Name = h.Name, Kind = h.Kind, RegionId = h.RegionId, Address = h.Address, Phone = h.Phone, OpeningHours = h.OpeningHours, Version = h.Version }, null);
    }

    [HttpPost("save")]
    public async Task<IActionResult> Save([Bind(Prefix = "Hall")] HallForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await admin.SaveHallAsync(form, ct)).Select(e => ("Hall." + e.Field, e.Message))))
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
        if (!await db.Set<ServiceHall>().AnyAsync(h => h.Id == id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await admin.AddWindowAsync(form, ct)).Select(e => ("NewWindow." + e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Edit), new { id });
        }

        var h = await db.Set<ServiceHall>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return await Page(new HallForm { Id = h.Id, Name = h.Name, Kind = h.Kind, RegionId = h.RegionId, Address = h.Address, Phone = h.Phone, OpeningHours = h.OpeningHours, Version = h.Version }, form);
    }

    [HttpPost("{id:guid}/windows/{windowId:guid}/remove")]
    public async Task<IActionResult> RemoveWindow(Guid id, Guid windowId, CancellationToken ct)
    {
        try
        {
            await admin.RemoveWindowAsync(id, windowId, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> Page(HallForm form, WindowForm? newWindow)
    {
        ViewBag.Regions = await lookups.RegionsAsync();
        var windows = form.Id is { } id
            ? await db.Set<ServiceWindow>().AsNoTracking().Where(w => w.HallId == id).OrderBy(w => w.Number).ToListAsync()
            : [];
        var next = windows.Count == 0 ? 1 : windows.Max(w => w.Number) + 1;
        return View("Edit", new HallPage(form, windows, newWindow ?? new WindowForm { HallId = form.Id ?? Guid.Empty, Number = next }));
    }
}
