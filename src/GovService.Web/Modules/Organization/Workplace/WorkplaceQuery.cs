using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Workplace;

public sealed record WorkplacePage(
    StaffMember Me,
    ServiceHall? Hall,
    Department? Department,
    Region? Region,
    IReadOnlyList<Region> RegionsInScope,
    IReadOnlyList<ServiceHall> HallsInScope,
    IReadOnlyList<StaffMember> Colleagues);

/// <summary>
/// A member of staff's own workplace: the hall, department or region their work is scoped to, with its windows,
/// sub-regions and colleagues.
/// </summary>
public sealed class WorkplaceQuery(GovDbContext db)
{
    /// <summary>The page of the member of staff with this login; null for a login that is not staff.</summary>
    public async Task<WorkplacePage?> FindAsync(Guid userId, CancellationToken ct)
    {
        var me = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (me is null)
        {
            return null;
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

        return new WorkplacePage(me, hall, department, region, regions, halls, colleagues);
    }
}
