using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Regions;

internal sealed class RegionDirectory(GovDbContext db) : IRegionDirectory
{
    public async Task<IReadOnlyList<RegionInfo>> RegionsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Region>().AsNoTracking()
            .OrderBy(r => r.Level).ThenBy(r => r.Code)
            .Select(r => new RegionInfo(r.Id, r.Code, r.Name, (RegionTier)(int)r.Level, r.ParentId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AgentInfo>> AgentsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<StaffMember>().AsNoTracking()
            .Where(s => s.Role == Roles.Agent && s.RegionId != null)
            .OrderBy(s => s.Name)
            .Select(s => new AgentInfo(s.UserId, s.Name, s.Title, s.OfficePhone, s.RegionId!.Value))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HallInfo>> HallsOfRegionAsync(Guid regionId, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceHall>().AsNoTracking()
            .Where(h => h.RegionId == regionId)
            .OrderBy(h => h.Kind).ThenBy(h => h.Name)
            .Select(h => new HallInfo(h.Id, h.Name, h.RegionId, h.Kind))
            .ToListAsync(cancellationToken);
}
