using GovService.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Domain;

/// <summary>Choices for the admin forms' drop-downs.</summary>
public sealed class OrganizationLookups(GovDbContext db)
{
    public async Task<List<SelectListItem>> RegionsAsync(params RegionLevel[] levels) =>
        await db.Set<Region>().AsNoTracking()
            .Where(r => levels.Length == 0 || levels.Contains(r.Level))
            .OrderBy(r => r.Code)
            .Select(r => new SelectListItem($"{r.Name}（{r.Code}）", r.Id.ToString()))
            .ToListAsync();

    public async Task<List<SelectListItem>> DepartmentsAsync() =>
        await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString()))
            .ToListAsync();

    public async Task<List<SelectListItem>> HallsAsync() =>
        await db.Set<ServiceHall>().AsNoTracking().OrderBy(h => h.Kind).ThenBy(h => h.Name)
            .Select(h => new SelectListItem(h.Name, h.Id.ToString()))
            .ToListAsync();
}
