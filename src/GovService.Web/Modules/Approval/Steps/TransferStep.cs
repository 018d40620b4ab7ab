using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>转办: the step goes to another department's queue (unclaimed), with the reason.</summary>
public sealed class TransferStep(StepWork work, ICaseRecords cases, ClockKeeper clocks, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, Guid departmentId, string reason, CancellationToken ct) =>
        work.RunAsync(taskId, by, reason, async task =>
        {
            var target = (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == departmentId);
            if (target is null || departmentId == task.DepartmentId)
            {
                return StepResult.Refused(l["Review.TransferTarget"]);
            }

            task.Transfer(reason, clock.GetUtcNow());
            work.Record(task, "Transfer", by, $"→ {target.Name}：{reason}");
            work.Open(task.StandIn(departmentId), task.OpenedOn ?? clock.Today());
            await cases.AddStepAsync(task.CaseId, StepActions.Transferred, by, $"{target.Name}：{reason}", ct);
            await clocks.RecomputeAsync(task.CaseId, "Transferred", ct);
            return StepResult.Ok;
        }, ct);
}
