using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Staff;

/// <summary>The placement rules that need the database, for a new member of staff and an edited one alike.</summary>
internal static class StaffPlacementCheck
{
    public static async Task<List<FormError>> CheckPlacementAsync(this GovDbContext db, IStaffPlacement form, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new List<FormError>();
        if (form.HallId is { } hallId && !await db.Set<ServiceHall>().AnyAsync(h => h.Id == hallId, ct))
        {
            errors.Add(new(nameof(form.HallId), l["Common.Required"]));
        }

        if (form.DepartmentId is { } departmentId && !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add(new(nameof(form.DepartmentId), l["Common.Required"]));
        }

        if (form.RegionId is { } regionId && !await db.Set<Region>().AnyAsync(r => r.Id == regionId, ct))
        {
            errors.Add(new(nameof(form.RegionId), l["Common.Required"]));
        }

        if (form.Role == Roles.Admin && (form.HallId ?? form.DepartmentId ?? form.RegionId) is not null)
        {
            // An administrator works platform-wide; a scope would suggest a limit that does not exist.
            errors.Add(new(nameof(form.Role), l["Staff.Admin.NoScope"]));
        }

        return errors;
    }
}
