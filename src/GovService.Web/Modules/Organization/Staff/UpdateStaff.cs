using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Staff;

/// <summary>Edits a member of staff's details and placement; the role stays what the account was given.</summary>
public sealed class UpdateStaff(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(EditStaffForm form, CancellationToken ct)
    {
        var staff = await db.FindForEditAsync<StaffMember>(form.Id, form.Version, ct);
        form.Role = staff.Role;
        var placementErrors = await db.CheckPlacementAsync(form, l, ct);
        if (placementErrors.Count > 0)
        {
            return placementErrors;
        }

        staff.Name = form.Name.Trim();
        staff.Title = form.Title.Trim();
        staff.OfficePhone = form.OfficePhone.Trim();
        staff.HallId = form.HallId;
        staff.DepartmentId = form.DepartmentId;
        staff.RegionId = form.RegionId;

        // Only a department's own staff can head it (and so receive its supervision orders).
        staff.IsHead = form.IsHead && form.DepartmentId is not null;
        return await db.SaveEditsAsync(l, ct);
    }
}
