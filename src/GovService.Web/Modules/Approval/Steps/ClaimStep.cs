using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// A reviewer takes an open step of their department that nobody holds, with one conditional update, so two reviewers
/// can never hold the same step.
/// </summary>
public sealed class ClaimStep(StepWork work)
{
    /// <summary>False when it is taken (or not theirs).</summary>
    public Task<bool> RunAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct) =>
        work.ChangeClaimAsync(taskId, reviewer, "Claim", (step, now) => ReviewTask.TryClaimAsync(step, reviewer.StaffId, reviewer.Name, now, ct), ct);
}
