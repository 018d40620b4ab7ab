using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Departments;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/departments")]
public sealed class DepartmentsController(GovDbContext db, OrganizationAdmin admin, OrganizationLookups lookups) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).ToListAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Form(new DepartmentForm());

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var d = await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return d is null
            ? NotFound()
            : await Form(new DepartmentForm { Id = d.Id, Name = d.Name, ShortName = d.ShortName, CreditCode = d.CreditCode, RegionId = d.RegionId, Phone = d.Phone, Address = d.Address, Version = d.Version });
    }

    [HttpPost("save")]
    public async Task<IActionResult> Save(DepartmentForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await admin.SaveDepartmentAsync(form, ct)).Select(e => (e.Field, e.Message))))
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
