namespace GovService.Web.Modules.Organization.Contracts;

/// <summary>Where a member of staff works: what scopes their work (hall, department or region).</summary>
public sealed record StaffPlacement(
    Guid StaffId,
    string Name,
    string Role,
    string Title,
    string OfficePhone,
    Guid? HallId,
    string? HallName,
    Guid? DepartmentId,
    string? DepartmentName,
    Guid? RegionId,
    string? RegionName);

public sealed record RegionInfo(Guid Id, string Code, string Name, int Level, Guid? ParentId);

public interface IOrganizationDirectory
{
    Task<StaffPlacement?> FindStaffAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RegionInfo>> RegionsAsync(CancellationToken cancellationToken = default);
}
