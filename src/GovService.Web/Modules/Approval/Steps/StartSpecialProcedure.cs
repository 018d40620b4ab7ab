using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>特别程序 (听证, 检验检测, 专家评审, 现场踏勘, 公示 …): the clock pauses; the time is capped (Approval:SpecialProcedureCapWorkingDays).</summary>
public sealed class StartSpecialProcedure(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, TimeProvider clock, IOptions<ApprovalOptions> options, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, string type, string reason, int expectedWorkingDays, CancellationToken ct) =>
        work.RunAsync(taskId, by, reason, async task =>
        {
            if (string.IsNullOrWhiteSpace(type) || expectedWorkingDays < 1)
            {
                return StepResult.Refused(l["Review.SpecialNeedsTypeAndDays"]);
            }

            if (await work.RefusedWhilePausedAsync(task, ct) is { } paused)
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
            work.Record(task, "SpecialProcedure", by, $"{type}：{reason}");
            await cases.StartSpecialProcedureAsync(task.CaseId, by, l["Review.SpecialNote", type.Trim(), reason.Trim(), expectedWorkingDays], ct);
            await clocks.RecomputeAsync(task.CaseId, "SpecialProcedure", ct);
            return StepResult.Ok;
        }, ct);
}
