using System.Security.Claims;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Intake.Domain;

internal static class HallStaff
{
    /// <summary>The signed-in member of staff when they work in a hall (clerks, chief representatives); otherwise null.</summary>
    public static async Task<StaffPlacement?> HallStaffAsync(this IOrganizationDirectory organization, ClaimsPrincipal user, CancellationToken ct)
    {
        var placement = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? await organization.FindStaffAsync(userId, ct) : null;
        return placement?.HallId is null ? null : placement;
    }
}
