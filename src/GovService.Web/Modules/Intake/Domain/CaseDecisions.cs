using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// 准予 or 不予许可, by the back office or at the window (即办件): who decided, when and with which opinion; an approval
/// waits at the accepting hall for delivery, a denial ends the case through <see cref="CaseClosure"/>. The modules that
/// act on decisions (certificates) are told in the caller's transaction; the caller saves.
/// </summary>
public sealed class CaseDecisions(GovDbContext db, CaseClosure closure, IEnumerable<ICaseDecidedHandler> handlers)
{
    /// <param name="approvedStep">The timeline's step for an approval: <see cref="StepActions.Approved"/> at the window, <see cref="StepActions.ApprovedInReview"/> in the back office.</param>
    public async Task DecideAsync(Case c, bool approved, string opinion, StaffPlacement by, string approvedStep, DateTimeOffset now, CancellationToken ct)
    {
        c.DecidedAt = now.ToUniversalTime();
        c.DecidedByStaffId = by.StaffId;
        c.DecisionOpinion = opinion.Trim();
        if (approved)
        {
            c.MoveTo(CaseState.Approved, now);
            db.Add(CaseStep.By(c, approvedStep, by, now, c.DecisionOpinion));
            c.MoveTo(CaseState.AwaitingDelivery, now);
        }
        else
        {
            await closure.CloseAsync(c, CaseState.Denied, now, c.DecisionOpinion, ended => CaseStep.By(ended, StepActions.Denied, by, now, ended.DecisionOpinion), ct);
        }

        var decided = new CaseDecided(c.Id, c.Number ?? "", c.BasicCode, c.ItemName, approved, c.ApplicantName, c.ApplicantIdType, c.ApplicantIdNumber,
            c.ApplicantUserId, c.HallId, DateOnly.FromDateTime(now.ToChinaTime()), c.FormData, c.ReplacesLicenceId);
        foreach (var handler in handlers)
        {
            await handler.OnDecidedAsync(decided, ct);
        }
    }
}
