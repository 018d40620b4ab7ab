using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// 准予 or 不予许可, by the back office or at the window (即办件): who decided, when and with which opinion, and the
/// written decision's number and issuing body (the deciding department; at the window, the item's implementing body
/// the chief representative acts for). An approval waits at the accepting hall for delivery, a denial ends the case
/// through <see cref="CaseClosure"/>. The modules that act on decisions (certificates) are told in the caller's
/// transaction, what they issue goes on the timeline, and the applicant is told; the caller saves.
/// </summary>
public sealed class CaseDecisions(GovDbContext db, CaseClosure closure, IEnumerable<ICaseDecidedHandler> handlers, ApplicantNotices notices, DocumentNumbers numbers, ICatalogDirectory catalog, Custody.CaseReception reception)
{
    /// <param name="approvedStep">The timeline's step for an approval: <see cref="StepActions.Approved"/> at the window, <see cref="StepActions.ApprovedInReview"/> in the back office.</param>
    public async Task DecideAsync(Case c, bool approved, string opinion, StaffPlacement by, string approvedStep, DateTimeOffset now, CancellationToken ct)
    {
        c.DecidedAt = now.ToUniversalTime();
        c.DecidedByStaffId = by.StaffId;
        c.DecisionOpinion = opinion.Trim();
        c.DecisionIssuer = by.DepartmentName ?? (await catalog.AuthorityAsync(c.ItemVersionId, ct))?.ImplementingBody ?? "";
        c.DecisionNumber = await numbers.NextAsync(approved ? DocumentSeries.GrantDecision : DocumentSeries.DenialDecision, ct);
        CaseStep? approval = null;
        if (approved)
        {
            c.MoveTo(CaseState.Approved, now);
            approval = CaseStep.By(c, approvedStep, by, now, c.DecisionOpinion);
            db.Add(approval);
            c.MoveTo(CaseState.AwaitingDelivery, now);
            await reception.OnAwaitingDeliveryAsync(c, ct);
        }
        else
        {
            await closure.CloseAsync(c, CaseState.Denied, now, c.DecisionOpinion, ended => CaseStep.By(ended, StepActions.Denied, by, now, ended.DecisionOpinion), ct);
        }

        var decided = new CaseDecided(c.Id, c.Number ?? "", c.BasicCode, c.ItemName, approved, c.ApplicantName, c.ApplicantIdType, c.ApplicantIdNumber,
            c.ApplicantUserId, c.HallId, DateOnly.FromDateTime(now.ToChinaTime()), c.FormData, c.ReplacesLicenceId);
        var issued = new List<CaseStep>();
        foreach (var handler in handlers)
        {
            if (await handler.OnDecidedAsync(decided, ct) is { } result)
            {
                issued.Add(CaseStep.ByApplicantOrSystem(c, StepActions.LicenceIssued, result.IssuerName, now, $"{result.Name} {result.Number}"));
            }
        }

        db.AddRange(issued);
        if (approval is not null)
        {
            await notices.TellAsync(c, approval, ct);
        }

        foreach (var step in issued)
        {
            await notices.TellAsync(c, step, ct);
        }
    }
}
