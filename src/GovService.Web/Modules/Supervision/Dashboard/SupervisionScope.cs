using System.Security.Claims;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Security;

namespace GovService.Web.Modules.Supervision.Dashboard;

/// <summary>
/// Who may see which supervision work: a supervisor the halls of their region and every region below it; a reviewer
/// their department's orders; a clerk or chief representative their hall's orders.
/// </summary>
public sealed record SupervisionViewer(StaffPlacement Staff, bool IsSupervisor, IReadOnlySet<Guid> Halls)
{
    /// <summary>
    /// The rows of a list this viewer sees: the rule of <see cref="MaySee"/> as a query filter (a test holds the two
    /// together). A staff member placed in neither a department nor a hall sees none.
    /// </summary>
    public IQueryable<T> Visible<T>(IQueryable<T> query)
        where T : class, IAddressedToOffice =>
        IsSupervisor ? query.Where(o => o.HallId != null && Halls.Contains(o.HallId.Value))
        : Staff.DepartmentId is { } d ? query.Where(o => o.DepartmentId == d)
        : Staff.HallId is { } own ? query.Where(o => o.DepartmentId == null && o.HallId == own)
        : query.Where(o => false);

    public bool MaySee(Guid? departmentId, Guid? hallId) =>
        IsSupervisor ? hallId is { } h && Halls.Contains(h)
        : Staff.DepartmentId is { } d ? departmentId == d
        : Staff.HallId is { } own && departmentId is null && hallId == own;

    /// <summary>Answers belong to the department (or, for orders without one, the hall) the order is addressed to.</summary>
    public bool MayAnswer(Guid? departmentId, Guid? hallId) => !IsSupervisor && MaySee(departmentId, hallId);
}

public sealed class SupervisionScope(IOrganizationDirectory organization)
{
    public async Task<SupervisionViewer?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var staff = await organization.FindStaffAsync(id, cancellationToken);
        if (staff is null)
        {
            return null;
        }

        if (staff.Role == Roles.Supervisor)
        {
            return staff.RegionId is { } region ? new SupervisionViewer(staff, true, (await organization.HallsInRegionAsync(region, cancellationToken)).ToHashSet()) : null;
        }

        return staff.Role is Roles.Reviewer or Roles.Clerk or Roles.ChiefRepresentative && (staff.DepartmentId is not null || staff.HallId is not null)
            ? new SupervisionViewer(staff, false, new HashSet<Guid>())
            : null;
    }
}
