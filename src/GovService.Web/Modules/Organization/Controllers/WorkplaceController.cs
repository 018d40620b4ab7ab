using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Controllers;

public sealed record WorkplacePage(
    StaffMember Me,
    ServiceHall? Hall,
    Department? Department,
    Region? Region,
    IReadOnlyList<Region> RegionsInScope,
    IReadOnlyList<ServiceHall> HallsInScope,
    IReadOnlyList<StaffMember> Colleagues);

/// <summary>
/// A member of staff's own workplace: the hall, department or region their work is scoped to, with
/// its windows, sub-regions and colleagues. Queues, cards and dashboards join this page as their
/// modules arrive.
/// </summary>
[Area(OrganizationModule.Name)]
[Authorize(Roles = $"{Roles.Agent},{Roles.Clerk},{Roles.ChiefRepresentative},{Roles.Reviewer},{Roles.Supervisor}")]
[Route("workplace")]
public sealed class WorkplaceController(GovDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var me = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (me is null)
        {
            return NotFound();
        }

        var hall = me.HallId is { } h ? await db.Set<ServiceHall>().AsNoTracking().Include(x => x.Windows).FirstOrDefaultAsync(x => x.Id == h, ct) : null;
        var department = me.DepartmentId is { } d ? await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, ct) : null;
        var region = me.RegionId is { } r ? await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == r, ct) : null;

        IReadOnlyList<Region> regions = [];
        IReadOnlyList<ServiceHall> halls = [];
        if (region is not null)
        {
            var prefix = region.ScopePrefix();
            regions = await db.Set<Region>().AsNoTracking().Where(x => x.Code.StartsWith(prefix)).OrderBy(x => x.Code).ToListAsync(ct);
            var regionIds = regions.Select(x => x.Id).ToList();
            halls = await db.Set<ServiceHall>().AsNoTracking().Where(x => regionIds.Contains(x.RegionId)).OrderBy(x => x.Kind).ThenBy(x => x.Name).ToListAsync(ct);
        }

        var colleagues = await db.Set<StaffMember>().AsNoTracking()
            .Where(s => s.Id != me.Id && ((me.HallId != null && s.HallId == me.HallId) || (me.DepartmentId != null && s.DepartmentId == me.DepartmentId) || (me.RegionId != null && s.RegionId == me.RegionId)))
            .OrderBy(s => s.Name)
            .ToListAsync(ct);

        return View(new WorkplacePage(me, hall, department, region, regions, halls, colleagues));
    }
}
