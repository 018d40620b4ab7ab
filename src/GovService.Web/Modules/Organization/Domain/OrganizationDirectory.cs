using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Domain;

internal sealed class OrganizationDirectory(GovDbContext db) : IOrganizationDirectory
{
    public Task<StaffPlacement?> FindStaffAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (from s in db.Set<StaffMember>()
         where s.UserId == userId
         join h in db.Set<ServiceHall>() on s.HallId equals h.Id into halls
         from h in halls.DefaultIfEmpty()
         join d in db.Set<Department>() on s.DepartmentId equals d.Id into departments
         from d in departments.DefaultIfEmpty()
         join r in db.Set<Region>() on s.RegionId equals r.Id into regions
         from r in regions.DefaultIfEmpty()
         select new StaffPlacement(s.Id, s.Name, s.Role, s.Title, s.OfficePhone, s.HallId, h.Name, s.DepartmentId, d.Name, s.RegionId, r.Name))
        .AsNoTracking()
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DepartmentInfo(d.Id, d.Name, d.ShortName, d.CreditCode, d.RegionId, d.Phone, d.Address))
            .ToListAsync(cancellationToken);

    public async Task<Guid?> ResponsibleHallAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        var regionId = await db.Set<Department>().Where(d => d.Id == departmentId).Select(d => (Guid?)d.RegionId).FirstOrDefaultAsync(cancellationToken);
        var own = await db.Set<ServiceHall>().Where(h => h.RegionId == regionId).OrderBy(h => h.Kind).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(cancellationToken);
        return own ?? await db.Set<ServiceHall>().Where(h => h.Kind == HallKind.CountyCentre).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
