using System.Linq.Expressions;
using GovService.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

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
    /// Who may take a step: it is in its queue and nobody holds it. A query filter, so a claim is one conditional update
    /// (<see cref="TryClaimAsync"/>); the same rule for a loaded step is <see cref="IsClaimable"/>.
    /// </summary>
    public static readonly Expression<Func<ReviewTask, bool>> Claimable = t => t.State == TaskState.Open && t.ClaimedByStaffId == null;

    private static readonly Func<ReviewTask, bool> ClaimableNow = Claimable.Compile();

    public bool IsClaimable => ClaimableNow(this);

    /// <summary>
    /// Its stage is reached, or it stands in for a step returned to or transferred: into the department's queue, unclaimed.
    /// Only a waiting step opens.
    /// </summary>
    public void Open(DateOnly on, DateTimeOffset at)
    {
        if (State != TaskState.Waiting)
        {
            throw new InvalidOperationException($"Step {Id} is {State}; only a waiting step opens.");
        }

        State = TaskState.Open;
        OpenedOn = on;
        OpenedAt = at.ToUniversalTime();
        EndClaim();
    }

    /// <summary>
    /// A new waiting step in this one's place: the same case, stage and limits, in this department or
    /// <paramref name="departmentId"/>'s. For a stage returned to (退回) or a step transferred (转办); <see cref="Open"/> it.
    /// </summary>
    public ReviewTask StandIn(Guid? departmentId = null) => new()
    {
        CaseId = CaseId,
        CaseNumber = CaseNumber,
        ItemName = ItemName,
        BasicCode = BasicCode,
        ApplicantName = ApplicantName,
        HallId = HallId,
        TemplateId = TemplateId,
        Stage = Stage,
        Mode = Mode,
        Name = Name,
        DepartmentId = departmentId ?? DepartmentId,
        LimitWorkingDays = LimitWorkingDays,
        Decides = Decides,
        ChiefMayDecide = ChiefMayDecide,
    };

    /// <summary>Passed by its reviewer: the stage (or, 会签, its other steps) decides what opens next.</summary>
    public void Pass(string opinion, DateTimeOffset at) => Complete(TaskState.Passed, opinion, at);

    /// <summary>或签: another step of its stage passed first.</summary>
    public void Skip(DateTimeOffset at) => Complete(TaskState.Skipped, "", at);

    /// <summary>退回: its stage goes back to an earlier one (the reviewer's opinion on the step that sent it, none on the others).</summary>
    public void Return(string opinion, DateTimeOffset at) => Complete(TaskState.Returned, opinion, at);

    /// <summary>转办: handed to another department, whose new step takes its place.</summary>
    public void Transfer(string reason, DateTimeOffset at) => Complete(TaskState.Transferred, reason, at);

    /// <summary>The decision (准予 or 不予许可); only a deciding step decides.</summary>
    public void Decide(string opinion, DateTimeOffset at)
    {
        if (!Decides)
        {
            throw new InvalidOperationException($"Step {Id} is not the deciding step of its case.");
        }

        Complete(TaskState.Decided, opinion, at);
    }

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
        EndClaim();
    }

    /// <summary>Someone acted on the step: an idle claim is measured from here.</summary>
    public void Touch(DateTimeOffset at) => LastActivityAt = at.ToUniversalTime();

    /// <summary>
    /// Takes the step for a reviewer with one conditional update, so of two reviewers claiming at once exactly one wins;
    /// false when it is not <see cref="Claimable"/> (taken, closed, or not in <paramref name="step"/>).
    /// </summary>
    public static async Task<bool> TryClaimAsync(IQueryable<ReviewTask> step, Guid staffId, string name, DateTimeOffset at, CancellationToken ct)
    {
        at = at.ToUniversalTime();
        return await step.Where(Claimable)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ClaimedByStaffId, staffId)
                .SetProperty(t => t.ClaimedByName, name)
                .SetProperty(t => t.ClaimedAt, at)
                .SetProperty(t => t.LastActivityAt, at), ct) == 1;
    }

    /// <summary>Gives the claims on <paramref name="steps"/> back to their queues (one statement); how many were held.</summary>
    public static Task<int> ReleaseClaimsAsync(IQueryable<ReviewTask> steps, CancellationToken ct) =>
        steps.Where(t => t.ClaimedByStaffId != null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ClaimedByStaffId, (Guid?)null)
                .SetProperty(t => t.ClaimedByName, "")
                .SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null), ct);

    /// <summary>Ends an open step; the claim stays on it, as the record of who held it.</summary>
    private void Complete(TaskState outcome, string opinion, DateTimeOffset at)
    {
        if (State != TaskState.Open)
        {
            throw new InvalidOperationException($"Step {Id} is {State}; only an open step can become {outcome}.");
        }

        State = outcome;
        Opinion = opinion.Trim();
        CompletedAt = at.ToUniversalTime();
        LastActivityAt = CompletedAt;
    }

    private void EndClaim()
    {
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
