namespace GovService.Web.Modules.Organization.Contracts;

/// <summary>窗口分类 of a one-window hall.</summary>
public enum WindowCategory
{
    /// <summary>综合受理 (无差别受理)</summary>
    Comprehensive = 1,

    /// <summary>企业开办 / 法人事项</summary>
    Business = 2,

    /// <summary>社保医保</summary>
    SocialSecurity = 3,

    /// <summary>不动产登记</summary>
    RealEstate = 4,

    /// <summary>统一出件</summary>
    Delivery = 5,

    /// <summary>帮办代办 / 咨询</summary>
    Assistance = 6,
}

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

public sealed record DepartmentInfo(Guid Id, string Name, string ShortName, string CreditCode, Guid RegionId, string Phone, string Address);

public interface IOrganizationDirectory
{
    Task<StaffPlacement?> FindStaffAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The hall responsible for a department's online applications: the hall of the department's own region
    /// (township centre, village station), else the county centre.
    /// </summary>
    Task<Guid?> ResponsibleHallAsync(Guid departmentId, CancellationToken cancellationToken = default);
}
