using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// 通过: the reviewer passes a step that does not decide, with an opinion; 会签 waits for every step of the stage,
/// 或签 skips the others, then the next stage opens. Refused while the case is paused.
/// </summary>
public sealed class PassStep(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, string opinion, CancellationToken ct) =>
        work.RunAsync(taskId, by, opinion, async task =>
        {
            if (task.Decides)
            {
                return StepResult.Refused(l["Review.PassOnDecision"]);
            }

            if (await work.RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            task.Pass(opinion, clock.GetUtcNow());
            work.Record(task, "Pass", by, opinion);
            await cases.AddStepAsync(task.CaseId, StepActions.ReviewPassed, by, $"{task.Name}：{opinion}", ct);
            await AdvanceAsync(task, ct);
            return StepResult.Ok;
        }, ct);

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
            work.Open(task, clock.Today());
        }

        await clocks.RecomputeAsync(passed.CaseId, "StageOpened", ct);
    }
}
