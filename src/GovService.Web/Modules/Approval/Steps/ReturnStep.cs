using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>退回: the step's stage goes back to an earlier one, which opens again with fresh steps (one per department).</summary>
public sealed class ReturnStep(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, int toStage, string opinion, CancellationToken ct) =>
        work.RunAsync(taskId, by, opinion, async task =>
        {
            var earlier = await db.Set<ReviewTask>().Where(t => t.CaseId == task.CaseId && t.Stage == toStage && t.Stage < task.Stage).ToListAsync(ct);
            if (earlier.Count == 0)
            {
                return StepResult.Refused(l["Review.NoEarlierStage"]);
            }

            var openInStage = await db.Set<ReviewTask>().Where(t => t.CaseId == task.CaseId && t.Stage == task.Stage && t.State == TaskState.Open).ToListAsync(ct);
            foreach (var sibling in openInStage)
            {
                sibling.Return(sibling.Id == task.Id ? opinion : "", clock.GetUtcNow());
            }

            work.Record(task, "Return", by, opinion);
            foreach (var template in earlier.GroupBy(t => t.DepartmentId).Select(g => g.OrderByDescending(t => t.OpenedAt).First()))
            {
                work.Open(template.StandIn(), clock.Today());
            }

            await cases.AddStepAsync(task.CaseId, StepActions.Returned, by, $"{task.Name}：{opinion}", ct);
            await clocks.RecomputeAsync(task.CaseId, "Returned", ct);
            return StepResult.Ok;
        }, ct);
}
