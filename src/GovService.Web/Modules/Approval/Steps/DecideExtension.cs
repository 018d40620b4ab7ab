using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// The chief representative of the accepting hall grants or refuses an extension a reviewer asked for
/// (<see cref="RequestExtension"/>); a grant moves the case's due dates. Another hall's request answers like none.
/// </summary>
public sealed class DecideExtension(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, IStringLocalizer<SharedResource> l)
{
    public async Task<StepResult> RunAsync(Guid segmentId, StaffPlacement chief, bool grant, CancellationToken ct)
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
        work.Record(task, grant ? "ExtensionApproved" : "ExtensionRefused", chief, request.Reason);
        if (grant)
        {
            // The new due date first: the step tells the applicant the date their case is now promised for.
            await clocks.RecomputeAsync(task.CaseId, "Extended", ct);
            await cases.AddStepAsync(task.CaseId, StepActions.Extended, chief, l["Review.ExtendedNote", request.ExtraWorkingDays, request.Reason], ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return StepResult.Ok;
    }
}
