using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>A reviewer gives a step they hold back to their department's queue (one conditional update).</summary>
public sealed class ReleaseClaim(StepWork work, GovDbContext db, TimeProvider clock)
{
    /// <summary>False when they did not hold it.</summary>
    public async Task<bool> RunAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var released = await ReviewTask.ReleaseClaimsAsync(
            db.Set<ReviewTask>().Where(t => t.Id == taskId && t.DepartmentId == reviewer.DepartmentId && t.ClaimedByStaffId == reviewer.StaffId), ct) == 1;
        if (released)
        {
            await work.RecordHoldingAsync(taskId, "Release", reviewer, now, ct);
        }

        return released;
    }
}
