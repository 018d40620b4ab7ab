using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// A reviewer takes an open step of their department that nobody holds, with one conditional update, so two reviewers
/// can never hold the same step.
/// </summary>
public sealed class ClaimStep(StepWork work, GovDbContext db, TimeProvider clock)
{
    /// <summary>False when it is taken (or not theirs).</summary>
    public async Task<bool> RunAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var won = await ReviewTask.TryClaimAsync(
            db.Set<ReviewTask>().Where(t => t.Id == taskId && t.DepartmentId == reviewer.DepartmentId), reviewer.StaffId, reviewer.Name, now, ct);
        if (won)
        {
            await work.RecordHoldingAsync(taskId, "Claim", reviewer, now, ct);
        }

        return won;
    }
}
