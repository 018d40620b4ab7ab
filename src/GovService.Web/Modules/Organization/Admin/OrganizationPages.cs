using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Departments;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Halls;
using GovService.Web.Modules.Organization.Regions;
using GovService.Web.Modules.Organization.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Admin;

public sealed record HallPage(HallForm Hall, IReadOnlyList<ServiceWindow> Windows, WindowForm NewWindow);

public sealed record StaffRow(StaffMember Staff, AccountSummary? Account, string? Placement);

/// <summary>The administrators' pages of the organisation: the lists, and each form filled from the row it edits.</summary>
public sealed class OrganizationPages(GovDbContext db, IStaffAccounts accounts)
{
    public Task<List<Region>> RegionsAsync() => db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync();

    public async Task<RegionForm?> RegionFormAsync(Guid id) =>
        await db.Set<Region>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RegionForm { Id = r.Id, Code = r.Code, Name = r.Name, Level = r.Level, ParentId = r.ParentId, Version = r.Version })
            .FirstOrDefaultAsync();

    public Task<List<Department>> DepartmentsAsync() => db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).ToListAsync();

    public async Task<DepartmentForm?> DepartmentFormAsync(Guid id) =>
        await db.Set<Department>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DepartmentForm { Id = d.Id, Name = d.Name, ShortName = d.ShortName, CreditCode = d.CreditCode, RegionId = d.RegionId, Phone = d.Phone, Address = d.Address, Version = d.Version })
            .FirstOrDefaultAsync();

    public Task<List<ServiceHall>> HallsAsync() =>
        db.Set<ServiceHall>().AsNoTracking().Include(h => h.Windows).OrderBy(h => h.Kind).ThenBy(h => h.Name).ToListAsync();

    public async Task<HallForm?> HallFormAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ServiceHall>().AsNoTracking().Where(h => h.Id == id)
            .Select(h => new HallForm { Id = h.Id, Name = h.Name, Kind = h.Kind, RegionId = h.RegionId, Address = h.Address, Phone = h.Phone, OpeningHours = h.OpeningHours, Version = h.Version })
            .FirstOrDefaultAsync(ct);

    public Task<bool> HallExistsAsync(Guid id, CancellationToken ct) => db.Set<ServiceHall>().AnyAsync(h => h.Id == id, ct);

    /// <summary>A hall's form with its windows; a new window is offered the next free number.</summary>
    public async Task<HallPage> HallPageAsync(HallForm form, WindowForm? newWindow)
    {
        var windows = form.Id is { } id
            ? await db.Set<ServiceWindow>().AsNoTracking().Where(w => w.HallId == id).OrderBy(w => w.Number).ToListAsync()
            : [];
        var next = windows.Count == 0 ? 1 : windows.Max(w => w.Number) + 1;
        return new HallPage(form, windows, newWindow ?? new WindowForm { HallId = form.Id ?? Guid.Empty, Number = next });
    }

    /// <summary>Every member of staff with their login and where they work (hall, else department, else region).</summary>
    public async Task<List<StaffRow>> StaffAsync(CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.Role).ThenBy(s => s.Name).ToListAsync(ct);
        var logins = await accounts.FindAsync(staff.Select(s => s.UserId).ToList(), ct);
        var halls = await db.Set<ServiceHall>().AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var regions = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return staff.Select(s => new StaffRow(
            s,
            logins.GetValueOrDefault(s.UserId),
            s.HallId is { } h ? halls.GetValueOrDefault(h) : s.DepartmentId is { } d ? departments.GetValueOrDefault(d) : s.RegionId is { } r ? regions.GetValueOrDefault(r) : null)).ToList();
    }

    public async Task<EditStaffForm?> StaffFormAsync(Guid id) =>
        await db.Set<StaffMember>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new EditStaffForm { Id = s.Id, Name = s.Name, Role = s.Role, Title = s.Title, OfficePhone = s.OfficePhone, HallId = s.HallId, DepartmentId = s.DepartmentId, RegionId = s.RegionId, IsHead = s.IsHead, Version = s.Version })
            .FirstOrDefaultAsync();

    public Task<bool> StaffExistsAsync(Guid id, CancellationToken ct) => db.Set<StaffMember>().AnyAsync(s => s.Id == id, ct);
}
