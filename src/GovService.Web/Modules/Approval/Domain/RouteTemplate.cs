namespace GovService.Web.Modules.Approval.Domain;

/// <summary>How the steps of one stage decide together.</summary>
public enum StageMode
{
    /// <summary>One step.</summary>
    One = 1,

    /// <summary>会签: every step of the stage must pass.</summary>
    AllOf = 2,

    /// <summary>或签: the first step to pass settles the stage; the others are skipped.</summary>
    AnyOf = 3,
}

/// <summary>
/// A routing template (审批流程) of one catalog item, maintained by administrators. Saving changes makes a new
/// version; cases keep the steps of the version they were routed with (copied onto their tasks).
/// </summary>
public sealed class RouteTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string BasicCode { get; set; } = "";
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<RouteStep> Steps { get; set; } = [];
}

/// <summary>A step: its stage (steps of one stage run in parallel), department, own limit and whether it decides.</summary>
public sealed class RouteStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TemplateId { get; set; }
    public int Stage { get; set; }
    public StageMode Mode { get; set; } = StageMode.One;
    public string Name { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public int LimitWorkingDays { get; set; }

    /// <summary>The step that decides (准予 / 不予许可); the last stage's.</summary>
    public bool Decides { get; set; }

    /// <summary>首席代表 may decide this step at the hall (授权审批).</summary>
    public bool ChiefMayDecide { get; set; }
}
