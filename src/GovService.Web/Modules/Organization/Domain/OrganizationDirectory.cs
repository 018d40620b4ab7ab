using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Domain;

internal sealed class OrganizationDirectory(GovDbContext db, TimeProvider clock) : IOrganizationDirectory
{
    public Task<StaffPlacement?> FindStaffAsync(Guid userId, CancellationToken cancellationToken = default) =>
        PlacementAsync(db.Set<StaffMember>().Where(s => s.UserId == userId), cancellationToken);

    public Task<StaffPlacement?> FindStaffByIdAsync(Guid staffId, CancellationToken cancellationToken = default) =>
        PlacementAsync(db.Set<StaffMember>().Where(s => s.Id == staffId), cancellationToken);

    private Task<StaffPlacement?> PlacementAsync(IQueryable<StaffMember> staff, CancellationToken cancellationToken) =>
        (from s in staff
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
        await (from d in db.Set<Department>().AsNoTracking()
               join r in db.Set<Region>() on d.RegionId equals r.Id
               orderby d.Name
               select new DepartmentInfo(d.Id, d.Name, d.ShortName, d.CreditCode, d.RegionId, d.Phone, d.Address, r.Code))
            .ToListAsync(cancellationToken);

    public async Task<Guid?> ResponsibleHallAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        await ResponsibleHall(db, departmentId, cancellationToken);

    /// <summary>
    /// The hall of the department's region (the lowest kind first), else — also for an unknown department — the
    /// county centre: one statement, compiled once (every online submission asks).
    /// </summary>
    private static readonly Func<GovDbContext, Guid, CancellationToken, Task<Guid?>> ResponsibleHall =
        EF.CompileAsyncQuery((GovDbContext db, Guid departmentId, CancellationToken _) =>
            db.Set<ServiceHall>()
                .Where(h => h.Kind == HallKind.CountyCentre || db.Set<Department>().Any(d => d.Id == departmentId && d.RegionId == h.RegionId))
                .OrderBy(h => db.Set<Department>().Any(d => d.Id == departmentId && d.RegionId == h.RegionId) ? 0 : 1)
                .ThenBy(h => h.Kind)
                .ThenBy(h => h.Id)
                .Select(h => (Guid?)h.Id)
                .FirstOrDefault());

    public async Task<IReadOnlyList<StaffContact>> StaffOfDepartmentAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        await db.Set<StaffMember>().AsNoTracking()
            .Where(s => s.DepartmentId == departmentId)
            .OrderByDescending(s => s.IsHead).ThenBy(s => s.Name)
            .Select(s => new StaffContact(s.UserId, s.Name, s.IsHead))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffContact>> StaffOfHallAsync(Guid hallId, CancellationToken cancellationToken = default) =>
        await db.Set<StaffMember>().AsNoTracking()
            .Where(s => s.HallId == hallId)
            .OrderBy(s => s.Role == Shared.Security.Roles.ChiefRepresentative ? 0 : 1).ThenBy(s => s.Name)
            .Select(s => new StaffContact(s.UserId, s.Name, s.Role == Shared.Security.Roles.ChiefRepresentative))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffContact>> SupervisorsOverHallAsync(Guid? hallId, int level, CancellationToken cancellationToken = default)
    {
        var regions = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var regionId = hallId is { } h ? await db.Set<ServiceHall>().Where(x => x.Id == h).Select(x => (Guid?)x.RegionId).FirstOrDefaultAsync(cancellationToken) : null;
        regionId ??= regions.Values.Where(r => r.ParentId == null).Select(r => (Guid?)r.Id).FirstOrDefault();
        var supervisors = await db.Set<StaffMember>().AsNoTracking().Where(s => s.Role == Shared.Security.Roles.Supervisor && s.RegionId != null).ToListAsync(cancellationToken);
        var found = 0;
        for (var at = regionId; at is { } id && regions.TryGetValue(id, out var region); at = region.ParentId)
        {
            var here = supervisors.Where(s => s.RegionId == id).OrderBy(s => s.Name).Select(s => new StaffContact(s.UserId, s.Name, s.IsHead)).ToList();
            if (here.Count > 0 && ++found == level)
            {
                return here;
            }
        }

        return [];
    }

    public async Task<IReadOnlyList<SupervisorInfo>> SupervisorsAsync(CancellationToken cancellationToken = default) =>
        await (from s in db.Set<StaffMember>().AsNoTracking()
               where s.Role == Shared.Security.Roles.Supervisor && s.RegionId != null
               join r in db.Set<Region>() on s.RegionId equals r.Id
               orderby r.Code, s.Name
               select new SupervisorInfo(s.UserId, s.Name, r.Id, r.Name))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> HallsInRegionAsync(Guid regionId, CancellationToken cancellationToken = default)
    {
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, cancellationToken);
        if (region is null)
        {
            return [];
        }

        var prefix = region.ScopePrefix();
        return await (from hall in db.Set<ServiceHall>()
                      join r in db.Set<Region>() on hall.RegionId equals r.Id
                      where r.Code.StartsWith(prefix)
                      select hall.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HallInfo>> HallsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ServiceHall>().AsNoTracking().OrderBy(h => h.Kind).ThenBy(h => h.Name).Select(h => new HallInfo(h.Id, h.Name, h.RegionId, h.Kind)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HallDetails>> HallDetailsAsync(CancellationToken cancellationToken = default)
    {
        var halls = await db.Set<ServiceHall>().AsNoTracking().Include(h => h.Windows).OrderBy(h => h.Kind).ThenBy(h => h.Name).ToListAsync(cancellationToken);
        return halls.Select(h => new HallDetails(h.Id, h.Name, h.Kind == HallKind.CountyCentre, h.Address, h.Phone,
            h.Windows.Where(w => w.TemporaryDay == null).OrderBy(w => w.Number).Select(w => new HallWindow(w.Number, w.Name, w.Category)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<WindowInfo>> WindowsOfHallAsync(Guid hallId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        return await db.Set<ServiceWindow>().AsNoTracking()
            .Where(w => w.HallId == hallId && (w.TemporaryDay == null || (w.TemporaryDay == today && w.ClosedAt == null)))
            .OrderBy(w => w.Number)
            .Select(w => new WindowInfo(w.Id, w.HallId, w.Number, w.Name, w.Category, w.TemporaryDay != null)).ToListAsync(cancellationToken);
    }
}
