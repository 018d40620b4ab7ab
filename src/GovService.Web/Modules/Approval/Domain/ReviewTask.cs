using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Approval.Domain;

public enum TaskState
{
    /// <summary>Its stage has not been reached yet.</summary>
    Waiting = 1,

    /// <summary>In the department's queue (claimed or not).</summary>
    Open = 2,
    Passed = 3,

    /// <summary>或签: another step of the stage passed first.</summary>
    Skipped = 4,

    /// <summary>Sent back to an earlier stage (退回); a new task takes its place when the stage comes again.</summary>
    Returned = 5,

    /// <summary>Handed to another department (转办).</summary>
    Transferred = 6,
    Decided = 7,

    /// <summary>The case ended otherwise (withdrawn, terminated).</summary>
    Cancelled = 8,
}

/// <summary>
/// A step of one case in a department's queue (办理环节). A claim is exclusive: it is taken with one
/// conditional update, so of two reviewers claiming at once exactly one wins; an idle claim is released.
/// </summary>
public sealed class ReviewTask : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string BasicCode { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public Guid? HallId { get; set; }
    public Guid TemplateId { get; set; }
    public int Stage { get; set; }
    public StageMode Mode { get; set; }
    public string Name { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public int LimitWorkingDays { get; set; }
    public bool Decides { get; set; }
    public bool ChiefMayDecide { get; set; }
    public TaskState State { get; set; } = TaskState.Waiting;
    public DateTimeOffset? OpenedAt { get; set; }
    public DateOnly? OpenedOn { get; set; }

    /// <summary>The step's own due date, recomputed with the case's pauses.</summary>
    public DateOnly? DueOn { get; set; }
    public Guid? ClaimedByStaffId { get; set; }
    public string ClaimedByName { get; set; } = "";
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string Opinion { get; set; } = "";
    public uint RowVersion { get; set; }

    /// <summary>Whether the step still holds work: in a queue, or waiting for its stage.</summary>
    public bool IsPending => State is TaskState.Waiting or TaskState.Open;

    /// <summary>
    /// The case ended otherwise (撤回, 终止 …): the step leaves the queue with the reason, and any claim on it ends.
    /// Only a pending step can be cancelled.
    /// </summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Step {Id} is {State}; only a waiting or open step can be cancelled.");
        }

        State = TaskState.Cancelled;
        Opinion = reason.Trim();
        CompletedAt = at.ToUniversalTime();
        LastActivityAt = CompletedAt;
        ClaimedByStaffId = null;
        ClaimedByName = "";
        ClaimedAt = null;
    }
}

/// <summary>
/// One action on a step, with the fields of GB/T 39046 table 7: 业务动作, 环节名称, 处理人, 处理单位, 意见,
/// start and end. Only ever added.
/// </summary>
public sealed class TaskAction
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>Pass, Return, Supplement, SpecialProcedure, SpecialProcedureEnded, ExtensionRequested, ExtensionApproved, ExtensionRefused, Transfer, Approve, Deny, Claim, Release.</summary>
    public string Action { get; set; } = "";
    public string StepName { get; set; } = "";
    public Guid? StaffId { get; set; }
    public string HandlerName { get; set; } = "";
    public string Department { get; set; } = "";
    public string Opinion { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset EndedAt { get; set; }
}
