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

/// <summary>A hall: its name, region and kind (county centre, township centre, village station).</summary>
public sealed record HallInfo(Guid Id, string Name, Guid RegionId, HallKind Kind = HallKind.CountyCentre);

/// <summary>The kind of a service hall: where in the three levels it stands.</summary>
public enum HallKind
{
    /// <summary>县政务服务中心</summary>
    CountyCentre = 1,

    /// <summary>乡镇便民服务中心</summary>
    TownshipCentre = 2,

    /// <summary>村(社区)便民服务站</summary>
    VillageStation = 3,
}


/// <summary>A window of a hall as the public and the appointment book see it.</summary>
public sealed record HallWindow(int Number, string Name, WindowCategory Category);

/// <summary>A hall with where it is and its windows (a hall's public page, who offers an item, slot capacity).</summary>
public sealed record HallDetails(Guid Id, string Name, bool IsCountyCentre, string Address, string Phone, IReadOnlyList<HallWindow> Windows)
{
    /// <summary>How many windows of a category the hall has open.</summary>
    public int WindowsOf(WindowCategory category) => Windows.Count(w => w.Category == category);
}

/// <summary>
/// A window of a hall serving today: its number (shown and called: 请到 3 号窗口), name and category;
/// <see cref="Temporary"/> for a 临时窗口 opened for the day.
/// </summary>
public sealed record WindowInfo(Guid Id, Guid HallId, int Number, string Name, WindowCategory Category, bool Temporary = false);

/// <summary>A department; <see cref="RegionCode"/> is the 12-digit code of its region (the first six are its county's).</summary>
public sealed record DepartmentInfo(Guid Id, string Name, string ShortName, string CreditCode, Guid RegionId, string Phone, string Address, string RegionCode);

/// <summary>A member of staff to notify: their login and whether they head their department.</summary>
public sealed record StaffContact(Guid UserId, string Name, bool IsHead);

/// <summary>A supervisor (效能监察) and the region they watch.</summary>
public sealed record SupervisorInfo(Guid UserId, string Name, Guid RegionId, string RegionName);

public interface IOrganizationDirectory
{
    /// <summary>The reviewers of a department (heads first).</summary>
    Task<IReadOnlyList<StaffContact>> StaffOfDepartmentAsync(Guid departmentId, CancellationToken cancellationToken = default);

    /// <summary>The clerks and chief representatives of a hall (chiefs first).</summary>
    Task<IReadOnlyList<StaffContact>> StaffOfHallAsync(Guid hallId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Supervisors over a hall, by level: level 1 are the nearest ones (the hall's own region, else the closest region
    /// above with supervisors), level 2 the next ones up. Empty when there are none at that level.
    /// </summary>
    Task<IReadOnlyList<StaffContact>> SupervisorsOverHallAsync(Guid? hallId, int level, CancellationToken cancellationToken = default);

    /// <summary>Every supervisor with a region (for the daily digest).</summary>
    Task<IReadOnlyList<SupervisorInfo>> SupervisorsAsync(CancellationToken cancellationToken = default);

    /// <summary>The halls inside a region and every region below it (a supervisor's scope).</summary>
    Task<IReadOnlyList<Guid>> HallsInRegionAsync(Guid regionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HallInfo>> HallsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every hall with its address and standing windows (county centre first; temporary windows are not listed).</summary>
    Task<IReadOnlyList<HallDetails>> HallDetailsAsync(CancellationToken cancellationToken = default);

    /// <summary>The windows of a hall serving today, standing and temporary, by number (empty for an unknown hall).</summary>
    Task<IReadOnlyList<WindowInfo>> WindowsOfHallAsync(Guid hallId, CancellationToken cancellationToken = default);

    Task<StaffPlacement?> FindStaffAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>A member of staff by their staff id (as recorded on a case's steps).</summary>
    Task<StaffPlacement?> FindStaffByIdAsync(Guid staffId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The hall responsible for a department's online applications: the hall of the department's own region
    /// (township centre, village station), else the county centre.
    /// </summary>
    Task<Guid?> ResponsibleHallAsync(Guid departmentId, CancellationToken cancellationToken = default);
}

/// <summary>
/// 临时窗口: the hall's chief representative opens one for a category when its queue grows and closes it when the
/// crowd is gone. Both work in the caller's unit of work (its transaction); the caller serialises them per hall.
/// </summary>
public interface ITemporaryWindows
{
    /// <summary>
    /// The hall's temporary window of <paramref name="category"/> serving <paramref name="day"/>: the one already open,
    /// else one reopened (a temporary window of that category used before) or a new one numbered after the hall's last window.
    /// </summary>
    Task<WindowInfo> OpenAsync(Guid hallId, WindowCategory category, string name, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Closes a temporary window of the hall; false when the hall has no such open temporary window.</summary>
    Task<bool> CloseAsync(Guid hallId, Guid windowId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
