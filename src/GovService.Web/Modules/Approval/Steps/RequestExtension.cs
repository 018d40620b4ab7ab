using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// 延长审批, asked by the reviewer before the statutory due date and within the legal cap (Approval:ExtensionCapWorkingDays);
/// the chief representative of the accepting hall grants or refuses it (<see cref="DecideExtension"/>).
/// </summary>
public sealed class RequestExtension(StepWork work, GovDbContext db, ClockKeeper clocks, TimeProvider clock, IOptions<ApprovalOptions> options, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, int workingDays, string reason, CancellationToken ct) =>
        work.RunAsync(taskId, by, reason, async task =>
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
            work.Record(task, "ExtensionRequested", by, reason);
            return StepResult.Ok;
        }, ct);
}
