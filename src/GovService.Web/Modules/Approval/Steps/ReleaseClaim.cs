using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>A reviewer gives a step they hold back to their department's queue (one conditional update).</summary>
public sealed class ReleaseClaim(StepWork work)
{
    /// <summary>False when they did not hold it.</summary>
    public Task<bool> RunAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct) =>
        work.ChangeClaimAsync(taskId, reviewer, "Release", async (step, _) => await ReviewTask.ReleaseClaimsAsync(step.Where(t => t.ClaimedByStaffId == reviewer.StaffId), ct) == 1, ct);
}
