using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Staff;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Controllers;

public sealed record StaffRow(StaffMember Staff, AccountSummary? Account, string? Placement);

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/staff")]
public sealed class StaffController(GovDbContext db, OrganizationAdmin admin, OrganizationLookups lookups, IStaffAccounts accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.Role).ThenBy(s => s.Name).ToListAsync(ct);
        var logins = await accounts.FindAsync(staff.Select(s => s.UserId).ToList(), ct);
        var halls = await db.Set<ServiceHall>().AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var regions = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var rows = staff.Select(s => new StaffRow(
            s,
            logins.GetValueOrDefault(s.UserId),
            s.HallId is { } h ? halls.GetValueOrDefault(h) : s.DepartmentId is { } d ? departments.GetValueOrDefault(d) : s.RegionId is { } r ? regions.GetValueOrDefault(r) : null)).ToList();
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await CreateForm(new NewStaffForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewStaffForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await admin.CreateStaffAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        form.Password = "";
        return await CreateForm(form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var s = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return s is null
            ? NotFound()
            : await EditForm(new EditStaffForm { Id = s.Id, Name = s.Name, Role = s.Role, Title = s.Title, OfficePhone = s.OfficePhone, HallId = s.HallId, DepartmentId = s.DepartmentId, RegionId = s.RegionId, IsHead = s.IsHead, Version = s.Version });
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, EditStaffForm form, CancellationToken ct)
    {
        form.Id = id;
        if (!await db.Set<StaffMember>().AnyAsync(s => s.Id == id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await admin.UpdateStaffAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await EditForm(form);
    }

    [HttpPost("{id:guid}/lock")]
    public async Task<IActionResult> SetLocked(Guid id, bool locked, CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null)
        {
            return NotFound();
        }

        await accounts.SetLockedAsync(staff.UserId, locked, ct);
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
