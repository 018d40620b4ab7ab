using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Approval.Review;

public sealed class ApprovalOptions
{
    /// <summary>Idle time after which a claim is given back to the queue.</summary>
    public int ClaimIdleMinutes { get; set; } = 120;

    /// <summary>Cap on the working days a case may spend in special procedures (行政许可法 art. 45 time is recorded and capped locally).</summary>
    public int SpecialProcedureCapWorkingDays { get; set; } = 60;

    /// <summary>延长审批: at most this many working days in all (art. 42: 10).</summary>
    public int ExtensionCapWorkingDays { get; set; } = 10;
}

/// <summary>The outcome of an action: done, or the localised reasons it was refused (nothing changed).</summary>
public sealed record StepResult(bool Done, string? Error = null)
{
    public static readonly StepResult Ok = new(true);

    /// <summary>Accepted, but waiting for a supervisor's approval (二次补正): nothing reaches the applicant yet.</summary>
    public static readonly StepResult AwaitingApproval = new(true) { Waits = true };

    public bool Waits { get; private init; }

    public static StepResult Refused(string error) => new(false, error);
}

/// <summary>
/// The actions on a step (DESIGN §4, issue 5): pass, return, 补正, 特别程序 and its end, extension request,
/// transfer and decision. Each needs the step claimed by the acting reviewer of its department, is recorded
/// with the GB/T 39046 table 7 fields, shows on the applicant's timeline, and recomputes the clock when it
/// touches it — all in one transaction.
/// </summary>
public sealed class ReviewActions(GovDbContext db, ICaseRecords cases, ClockKeeper clocks, IOrganizationDirectory organization, Notifications.Contracts.INotifications notifications, TimeProvider clock, IOptions<ApprovalOptions> options, IStringLocalizer<SharedResource> l)
{
    /// <summary>The step, if it is open in the reviewer's department and claimed by them; otherwise null.</summary>
    public Task<ReviewTask?> HeldAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct) =>
        db.Set<ReviewTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.DepartmentId == reviewer.DepartmentId && t.State == TaskState.Open && t.ClaimedByStaffId == reviewer.StaffId, ct);

    public Task<StepResult> PassAsync(ReviewTask task, StaffPlacement by, string opinion, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            if (task.Decides)
            {
                return StepResult.Refused(l["Review.PassOnDecision"]);
            }

            if (await RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            task.Pass(opinion, clock.GetUtcNow());
            Record(task, "Pass", by, opinion);
            await cases.AddStepAsync(task.CaseId, StepActions.ReviewPassed, by, $"{task.Name}：{opinion}", ct);
            await AdvanceAsync(task, ct);
            return StepResult.Ok;
        }, opinion, ct);

    /// <summary>退回: back to an earlier stage, which opens again with fresh steps.</summary>
    public Task<StepResult> ReturnAsync(ReviewTask task, StaffPlacement by, int toStage, string opinion, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var earlier = await db.Set<ReviewTask>().Where(t => t.CaseId == task.CaseId && t.Stage == toStage && t.Stage < task.Stage).ToListAsync(ct);
            if (earlier.Count == 0)
            {
                return StepResult.Refused(l["Review.NoEarlierStage"]);
            }

            foreach (var sibling in await OpenInStageAsync(task, ct))
            {
                sibling.Return(sibling.Id == task.Id ? opinion : "", clock.GetUtcNow());
            }

            Record(task, "Return", by, opinion);
            foreach (var template in earlier.GroupBy(t => t.DepartmentId).Select(g => g.OrderByDescending(t => t.OpenedAt).First()))
            {
                Open(Copy(template), clock.Today());
            }

            await cases.AddStepAsync(task.CaseId, StepActions.Returned, by, $"{task.Name}：{opinion}", ct);
            await clocks.RecomputeAsync(task.CaseId, "Returned", ct);
            return StepResult.Ok;
        }, opinion, ct);

    /// <summary>
    /// 补正 after acceptance: the clock pauses until the applicant has uploaded what is asked. A case that had a supplement
    /// request already (一次性告知 is meant to list everything once) gets a second one only with a supervisor's approval:
    /// the request, with the reviewer's <paramref name="reason"/>, waits for a supervisor over the accepting hall.
    /// </summary>
    public Task<StepResult> SupplementAsync(ReviewTask task, StaffPlacement by, Guid byUser, IReadOnlyList<(int Position, string Defect)> defects, string reason, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            if (defects.Count == 0)
            {
                return StepResult.Refused(l["Review.SupplementNeedsDefects"]);
            }

            if (await RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            if (await cases.SupplementsAskedAsync(task.CaseId, ct) == 0)
            {
                await ApplySupplementAsync(task, by, defects, ct);
                return StepResult.Ok;
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                return StepResult.Refused(l["Review.SecondSupplementNeedsReason"]);
            }

            if (await db.Set<SecondSupplementRequest>().AnyAsync(r => r.CaseId == task.CaseId && r.State == SecondSupplementState.Pending, ct))
            {
                return StepResult.Refused(l["Review.SecondSupplementPending"]);
            }

            var request = new SecondSupplementRequest
            {
                CaseId = task.CaseId,
                TaskId = task.Id,
                CaseNumber = task.CaseNumber,
                ItemName = task.ItemName,
                StepName = task.Name,
                HallId = task.HallId,
                DepartmentId = task.DepartmentId,
                DepartmentName = by.DepartmentName ?? "",
                Defects = defects.ToDictionary(d => d.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), d => d.Defect),
                Reason = reason.Trim(),
                RequestedByStaffId = by.StaffId,
                RequestedByUserId = byUser,
                RequestedByName = by.Name,
                RequestedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.Add(request);
            Record(task, "SecondSupplementRequested", by, $"{reason.Trim()}（{string.Join("；", defects.Select(d => d.Defect))}）");
            var supervisors = await organization.SupervisorsOverHallAsync(task.HallId, 1, ct);
            await notifications.PostAsync(
                [.. supervisors.Select(s => new Notifications.Contracts.Notice($"second-supplement:{request.Id}", s.UserId, null,
                    l["SecondSupplement.Asked.Title", task.CaseNumber].Value, l["SecondSupplement.Asked.Body", task.ItemName, by.Name, reason.Trim()].Value,
                    $"/supervision/supplements/{request.Id}"))],
                ct);
            return StepResult.AwaitingApproval;
        }, note: null, ct);

    /// <summary>
    /// The 补正 itself, in the caller's transaction: the clock pauses from today, the action is recorded on the step and the
    /// case waits for the applicant, who is told. Used for a first request and for a second one a supervisor approved.
    /// </summary>
    internal async Task ApplySupplementAsync(ReviewTask task, StaffPlacement by, IReadOnlyList<(int Position, string Defect)> defects, CancellationToken ct)
    {
        var note = string.Join("；", defects.Select(d => d.Defect));
        db.Add(new ClockSegmentRecord { CaseId = task.CaseId, TaskId = task.Id, Kind = ClockSegmentKind.PausedForSupplement, From = clock.Today(), Reason = note, RequestedByStaffId = by.StaffId, CreatedAt = clock.GetUtcNow().ToUniversalTime() });
        Record(task, "Supplement", by, note);
        await cases.RequestSupplementAsync(task.CaseId, defects, by, ct);
        await clocks.RecomputeAsync(task.CaseId, "SupplementRequested", ct);
    }

    /// <summary>特别程序 (听证, 检验检测, 专家评审, 现场踏勘, 公示 …): the clock pauses; the time is capped.</summary>
    public Task<StepResult> StartSpecialProcedureAsync(ReviewTask task, StaffPlacement by, string type, string reason, int expectedWorkingDays, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(type) || expectedWorkingDays < 1)
            {
                return StepResult.Refused(l["Review.SpecialNeedsTypeAndDays"]);
            }

            if (await RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            var used = (await clocks.ReadAsync(task.CaseId, ct))!.Promised.Pauses.Where(p => p.Segment.Kind == ClockSegmentKind.PausedForSpecialProcedure).Sum(p => p.WorkingDays);
            var cap = options.Value.SpecialProcedureCapWorkingDays;
            if (used + expectedWorkingDays > cap)
            {
                return StepResult.Refused(l["Review.SpecialCap", cap, used]);
            }

            db.Add(new ClockSegmentRecord { CaseId = task.CaseId, TaskId = task.Id, Kind = ClockSegmentKind.PausedForSpecialProcedure, From = clock.Today(), ProcedureType = type.Trim(), ExpectedWorkingDays = expectedWorkingDays, Reason = reason.Trim(), RequestedByStaffId = by.StaffId, CreatedAt = clock.GetUtcNow().ToUniversalTime() });
            Record(task, "SpecialProcedure", by, $"{type}：{reason}");
            await cases.StartSpecialProcedureAsync(task.CaseId, by, l["Review.SpecialNote", type.Trim(), reason.Trim(), expectedWorkingDays], ct);
            await clocks.RecomputeAsync(task.CaseId, "SpecialProcedure", ct);
            return StepResult.Ok;
        }, reason, ct);

    public Task<StepResult> EndSpecialProcedureAsync(ReviewTask task, StaffPlacement by, string result, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var open = await db.Set<ClockSegmentRecord>().FirstOrDefaultAsync(s => s.CaseId == task.CaseId && s.Kind == ClockSegmentKind.PausedForSpecialProcedure && s.To == null, ct);
            if (open is null)
            {
                return StepResult.Refused(l["Review.NoSpecialProcedure"]);
            }

            open.To = clock.Today();
            open.Result = result.Trim();
            Record(task, "SpecialProcedureEnded", by, result);
            await cases.EndSpecialProcedureAsync(task.CaseId, by, $"{open.ProcedureType}：{result.Trim()}", ct);
            await clocks.RecomputeAsync(task.CaseId, "SpecialProcedureEnded", ct);
            return StepResult.Ok;
        }, result, ct);

    /// <summary>延长审批: asked by the reviewer, granted by the chief representative of the accepting hall, within the legal cap.</summary>
    public Task<StepResult> RequestExtensionAsync(ReviewTask task, StaffPlacement by, int workingDays, string reason, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var view = (await clocks.ReadAsync(task.CaseId, ct))!;
            var granted = view.Segments.Where(s => s.Kind == ClockSegmentKind.Extended && s.State != SegmentState.Refused).Sum(s => s.ExtraWorkingDays);
            var cap = options.Value.ExtensionCapWorkingDays;
            if (workingDays < 1 || granted + workingDays > cap)
            {
                return StepResult.Refused(l["Review.ExtensionCap", cap, granted]);
            }

            if (clock.Today() > view.Clock.StatutoryDue)
            {
                return StepResult.Refused(l["Review.ExtensionTooLate", view.Clock.StatutoryDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
            }

            db.Add(new ClockSegmentRecord { CaseId = task.CaseId, TaskId = task.Id, Kind = ClockSegmentKind.Extended, State = SegmentState.Requested, From = clock.Today(), To = clock.Today(), ExtraWorkingDays = workingDays, Reason = reason.Trim(), RequestedByStaffId = by.StaffId, CreatedAt = clock.GetUtcNow().ToUniversalTime() });
            Record(task, "ExtensionRequested", by, reason);
            return StepResult.Ok;
        }, reason, ct);

    public async Task<StepResult> DecideExtensionAsync(Guid segmentId, StaffPlacement chief, bool grant, CancellationToken ct)
    {
        var request = await db.Set<ClockSegmentRecord>().FirstOrDefaultAsync(s => s.Id == segmentId && s.State == SegmentState.Requested, ct);
        var task = request?.TaskId is { } taskId ? await db.Set<ReviewTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct) : null;
        if (request is null || task is null || task.HallId != chief.HallId)
        {
            return StepResult.Refused(l["Review.NoSuchRequest"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.State = grant ? SegmentState.InForce : SegmentState.Refused;
        request.ApprovedByStaffId = chief.StaffId;
        Record(task, grant ? "ExtensionApproved" : "ExtensionRefused", chief, request.Reason);
        if (grant)
        {
            await cases.AddStepAsync(task.CaseId, StepActions.Extended, chief, l["Review.ExtendedNote", request.ExtraWorkingDays, request.Reason], ct);
            await clocks.RecomputeAsync(task.CaseId, "Extended", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return StepResult.Ok;
    }

    /// <summary>转办: the step goes to another department's queue (unclaimed), with the reason.</summary>
    public Task<StepResult> TransferAsync(ReviewTask task, StaffPlacement by, Guid departmentId, string reason, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var target = (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == departmentId);
            if (target is null || departmentId == task.DepartmentId)
            {
                return StepResult.Refused(l["Review.TransferTarget"]);
            }

            task.Transfer(reason, clock.GetUtcNow());
            Record(task, "Transfer", by, $"→ {target.Name}：{reason}");
            var moved = Copy(task);
            moved.DepartmentId = departmentId;
            Open(moved, task.OpenedOn ?? clock.Today());
            await cases.AddStepAsync(task.CaseId, StepActions.Transferred, by, $"{target.Name}：{reason}", ct);
            await clocks.RecomputeAsync(task.CaseId, "Transferred", ct);
            return StepResult.Ok;
        }, reason, ct);

    /// <summary>The decision: 准予 (the result goes to the accepting hall for delivery) or 不予许可 with reasons and legal basis.</summary>
    public Task<StepResult> DecideAsync(ReviewTask task, StaffPlacement by, bool approve, string reasons, string legalBasis, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            if (!task.Decides)
            {
                return StepResult.Refused(l["Review.NotADecision"]);
            }

            if (!approve && string.IsNullOrWhiteSpace(legalBasis))
            {
                return StepResult.Refused(l["Review.DenyNeedsBasis"]);
            }

            if (await RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            var summary = await cases.FindAsync(task.CaseId, ct);
            if (summary is null || summary.MaterialsOwed || summary.State != CaseState.InReview)
            {
                return StepResult.Refused(l["Review.NotDecidable"]);
            }

            var opinion = approve ? reasons.Trim() : $"{reasons.Trim()}（{legalBasis.Trim()}）";
            task.Decide(opinion, clock.GetUtcNow());
            Record(task, approve ? "Approve" : "Deny", by, opinion);
            await cases.DecideAsync(task.CaseId, approve, opinion, by, ct);
            return StepResult.Ok;
        }, reasons, ct);

    /// <summary>Runs an action in one transaction; a required opinion (<paramref name="note"/> not null) must be written.</summary>
    private async Task<StepResult> InTransactionAsync(Func<Task<StepResult>> action, string? note, CancellationToken ct)
    {
        if (note is not null && string.IsNullOrWhiteSpace(note))
        {
            return StepResult.Refused(l["Review.OpinionRequired"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await action();
        if (!result.Done)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two posts of one action at once (a double click, two tabs): the first stands, the second changes nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StepResult.Refused(l["Review.ChangedMeanwhile"]);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Records an action on a step by someone outside its department (a supervisor's decision on a request).</summary>
    internal void RecordOn(ReviewTask task, string action, StaffPlacement by, string opinion) => Record(task, action, by, opinion);

    private async Task<StepResult?> RefusedWhilePausedAsync(ReviewTask task, CancellationToken ct)
    {
        var summary = await cases.FindAsync(task.CaseId, ct);
        return summary?.State is CaseState.SupplementRequested or CaseState.SpecialProcedure ? StepResult.Refused(l["Review.Paused"]) : null;
    }

    /// <summary>After a pass: 会签 waits for every step of the stage, 或签 skips the others; then the next stage opens.</summary>
    private async Task AdvanceAsync(ReviewTask passed, CancellationToken ct)
    {
        var stage = await db.Set<ReviewTask>().Where(t => t.CaseId == passed.CaseId && t.Stage == passed.Stage && (t.State == TaskState.Open || t.State == TaskState.Passed)).ToListAsync(ct);
        if (passed.Mode == StageMode.AnyOf)
        {
            foreach (var other in stage.Where(t => t.Id != passed.Id && t.State == TaskState.Open))
            {
                other.Skip(clock.GetUtcNow());
            }
        }
        else if (stage.Any(t => t.State == TaskState.Open && t.Id != passed.Id))
        {
            return; // 会签: the stage waits for the others.
        }

        var next = await db.Set<ReviewTask>().Where(t => t.CaseId == passed.CaseId && t.Stage > passed.Stage && t.State == TaskState.Waiting).ToListAsync(ct);
        var nextStage = next.Count == 0 ? (int?)null : next.Min(t => t.Stage);
        foreach (var task in next.Where(t => t.Stage == nextStage))
        {
            Open(task, clock.Today());
        }

        await clocks.RecomputeAsync(passed.CaseId, "StageOpened", ct);
    }

    private async Task<List<ReviewTask>> OpenInStageAsync(ReviewTask task, CancellationToken ct) =>
        await db.Set<ReviewTask>().Where(t => t.CaseId == task.CaseId && t.Stage == task.Stage && t.State == TaskState.Open).ToListAsync(ct);

    private void Open(ReviewTask task, DateOnly on)
    {
        task.Open(on, clock.GetUtcNow());
        if (db.Entry(task).State == EntityState.Detached)
        {
            db.Add(task);
        }
    }

    private static ReviewTask Copy(ReviewTask t) => new()
    {
        CaseId = t.CaseId,
        CaseNumber = t.CaseNumber,
        ItemName = t.ItemName,
        BasicCode = t.BasicCode,
        ApplicantName = t.ApplicantName,
        HallId = t.HallId,
        TemplateId = t.TemplateId,
        Stage = t.Stage,
        Mode = t.Mode,
        Name = t.Name,
        DepartmentId = t.DepartmentId,
        LimitWorkingDays = t.LimitWorkingDays,
        Decides = t.Decides,
        ChiefMayDecide = t.ChiefMayDecide,
    };

    private void Record(ReviewTask task, string action, StaffPlacement by, string opinion)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        task.Touch(now);
        db.Add(new TaskAction
        {
            TaskId = task.Id,
            CaseId = task.CaseId,
            Action = action,
            StepName = task.Name,
            StaffId = by.StaffId,
            HandlerName = by.Name,
            Department = by.DepartmentName ?? by.HallName ?? "",
            Opinion = opinion.Trim(),
            StartedAt = task.OpenedAt ?? now,
            EndedAt = now,
        });
    }
}
