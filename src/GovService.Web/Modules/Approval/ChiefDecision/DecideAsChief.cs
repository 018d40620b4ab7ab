using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Approval.ChiefDecision;

public enum ChiefDecisionOutcome
{
    Decided = 1,

    /// <summary>A reviewer of the department holds the step: they win.</summary>
    Taken = 2,

    /// <summary>The decision was refused (nothing changed) and the chief's claim given back.</summary>
    Refused = 3,
}

/// <summary>
/// 授权审批: the chief representative decides a step the template lets the chief decide, acting for the department. The
/// step is claimed like any other, so a reviewer holding it wins; a refused decision gives the claim back.
/// </summary>
public sealed class DecideAsChief(ClaimStep claim, ReleaseClaim release, DecideStep decide)
{
    public async Task<ChiefDecisionOutcome> RunAsync(ReviewTask task, StaffPlacement chief, bool approve, string opinion, string legalBasis, CancellationToken ct)
    {
        var acting = chief with { DepartmentId = task.DepartmentId };
        if (task.ClaimedByStaffId != chief.StaffId && !await claim.RunAsync(task.Id, acting, ct))
        {
            return ChiefDecisionOutcome.Taken;
        }

        var result = await decide.RunAsync(task.Id, acting, approve, opinion, legalBasis, ct);
        if (!result.Done)
        {
            await release.RunAsync(task.Id, acting, ct);
            return ChiefDecisionOutcome.Refused;
        }

        return ChiefDecisionOutcome.Decided;
    }
}
