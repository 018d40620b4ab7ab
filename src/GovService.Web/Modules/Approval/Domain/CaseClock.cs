using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Approval.Domain;

/// <summary>The legal clock of one case (DESIGN §5): its start, both limits, and the due dates last computed.</summary>
public sealed class CaseClock
{
    public Guid CaseId { get; set; }
    public DateOnly Start { get; set; }
    public int PromisedLimit { get; set; }
    public bool PromisedInWorkingDays { get; set; } = true;
    public int StatutoryLimit { get; set; }
    public bool StatutoryInWorkingDays { get; set; } = true;
    public DateOnly PromisedDue { get; set; }
    public DateOnly StatutoryDue { get; set; }
    /// <summary>暂定, each date for itself: counted over a year whose holiday notice is not loaded.</summary>
    public bool PromisedProvisional { get; set; }

    public bool StatutoryProvisional { get; set; }
    public uint RowVersion { get; set; }
}

public enum SegmentState
{
    /// <summary>In force (a pause running or ended, an extension granted).</summary>
    InForce = 1,

    /// <summary>An extension asked for, waiting for the chief representative.</summary>
    Requested = 2,
    Refused = 3,
}

/// <summary>A pause or an extension of a case's clock, with why, who and (for special procedures) the type and expected days.</summary>
public sealed class ClockSegmentRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid? TaskId { get; set; }
    public ClockSegmentKind Kind { get; set; }
    public SegmentState State { get; set; } = SegmentState.InForce;
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public int ExtraWorkingDays { get; set; }

    /// <summary>特别程序种类 (听证, 检验检测, 专家评审, 现场踏勘, 公示 …).</summary>
    public string ProcedureType { get; set; } = "";
    public int ExpectedWorkingDays { get; set; }
    public string Reason { get; set; } = "";
    public string Result { get; set; } = "";
    public Guid? RequestedByStaffId { get; set; }
    public Guid? ApprovedByStaffId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public ClockSegment ToSegment() => new(Kind, From, To, ExtraWorkingDays);
}

/// <summary>Every recomputation of the due dates is kept: when, why, and what came out.</summary>
public sealed class ClockRecomputation
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly PromisedDue { get; set; }
    public DateOnly StatutoryDue { get; set; }
    public int PausedWorkingDays { get; set; }
    public int ExtensionWorkingDays { get; set; }
}
