using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Organization.Domain;

/// <summary>行使层级 codes of GB/T 39046 A.2 for the levels a county platform administers.</summary>
public enum RegionLevel
{
    County = 4,
    Township = 5,
    Village = 6,
}

/// <summary>An administrative region with its 12-digit 行政区划代码: the county, a township (镇/乡/街道) or a village (村/社区).</summary>
public sealed class Region : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>Regions below this one share the leading digits of its code: 6 for a county, 9 for a township.</summary>
    public string ScopePrefix() => Level switch
    {
        RegionLevel.County => Code[..6],
        RegionLevel.Township => Code[..9],
        _ => Code,
    };
    public uint Version { get; set; }
}

/// <summary>A government department (民政局, 市场监管局 …) with its 统一社会信用代码.</summary>
public sealed class Department : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public Guid RegionId { get; set; }
    public string Phone { get; set; } = "";
    public string Address { get; set; } = "";
    public uint Version { get; set; }
}

/// <summary>A service hall where citizens come in person; its windows are numbered.</summary>
public sealed class ServiceHall : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public HallKind Kind { get; set; }
    public Guid RegionId { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string OpeningHours { get; set; } = "";
    public List<ServiceWindow> Windows { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>
/// A window of a hall. A 临时窗口 (<see cref="TemporaryDay"/> set) is opened by the hall's chief representative when the
/// queue grows and serves that day only; it is not part of the hall's standing windows (the public page, appointment
/// capacity) and is reopened, not created again, the next time its category needs one.
/// </summary>
public sealed class ServiceWindow : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public WindowCategory Category { get; set; }

    /// <summary>临时窗口: the day it serves (null for a standing window).</summary>
    public DateOnly? TemporaryDay { get; set; }

    /// <summary>When a temporary window was closed before its day ended.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsTemporary => TemporaryDay is not null;

    /// <summary>Whether the window serves on <paramref name="day"/>: a standing window always, a temporary one on its day until closed.</summary>
    public bool IsOpenOn(DateOnly day) => TemporaryDay is null || (TemporaryDay == day && ClosedAt is null);

    /// <summary>A new temporary window serving <paramref name="day"/>.</summary>
    public static ServiceWindow Temporary(Guid hallId, int number, string name, WindowCategory category, DateOnly day) =>
        new() { HallId = hallId, Number = number, Name = name, Category = category, TemporaryDay = day };

    /// <summary>Reopens a temporary window of an earlier day (or closed today) for <paramref name="day"/>.</summary>
    public void Reopen(DateOnly day)
    {
        if (!IsTemporary)
        {
            throw new InvalidOperationException("A standing window is not reopened as a temporary one.");
        }

        TemporaryDay = day;
        ClosedAt = null;
    }

    /// <summary>Closes a temporary window for the rest of its day.</summary>
    public void CloseTemporary(DateTimeOffset at)
    {
        if (!IsTemporary)
        {
            throw new InvalidOperationException("Only a temporary window is closed this way.");
        }

        ClosedAt ??= at;
    }
}

/// <summary>
/// A member of staff: the login (by user id, owned by Accounts) plus where they work. Clerks and
/// chief representatives belong to a hall, reviewers to a department, supervisors and agents to a region.
/// </summary>
public sealed class StaffMember : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Title { get; set; } = "";
    public string OfficePhone { get; set; } = "";
    public Guid? HallId { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? RegionId { get; set; }

    /// <summary>负责人 of the department (局长 / 主任): receives its supervision orders (督办) and answers them.</summary>
    public bool IsHead { get; set; }
    public uint Version { get; set; }
}
