using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>The running 特别程序 ends with its result: the clock runs again.</summary>
public sealed class EndSpecialProcedure(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, string result, CancellationToken ct) =>
        work.RunAsync(taskId, by, result, async task =>
        {
            var open = await db.Set<ClockSegmentRecord>().FirstOrDefaultAsync(s => s.CaseId == task.CaseId && s.Kind == ClockSegmentKind.PausedForSpecialProcedure && s.To == null, ct);
            if (open is null)
            {
                return StepResult.Refused(l["Review.NoSpecialProcedure"]);
            }

            open.To = clock.Today();
            open.Result = result.Trim();
            work.Record(task, "SpecialProcedureEnded", by, result);
            await cases.EndSpecialProcedureAsync(task.CaseId, by, $"{open.ProcedureType}：{result.Trim()}", ct);
            await clocks.RecomputeAsync(task.CaseId, "SpecialProcedureEnded", ct);
            return StepResult.Ok;
        }, ct);
}
