using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// The decision on the deciding step: 准予 (the result goes to the accepting hall for delivery) or 不予许可 with reasons
/// and legal basis. Only a case in review that owes no materials is decided; refused while it is paused.
/// </summary>
public sealed class DecideStep(StepWork work, ICaseRecords cases, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, bool approve, string reasons, string legalBasis, CancellationToken ct) =>
        work.RunAsync(taskId, by, reasons, async task =>
        {
            if (!task.Decides)
            {
                return StepResult.Refused(l["Review.NotADecision"]);
            }

            if (!approve && string.IsNullOrWhiteSpace(legalBasis))
            {
                return StepResult.Refused(l["Review.DenyNeedsBasis"]);
            }

            if (await work.RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            var summary = await cases.FindAsync(task.CaseId, ct);
            if (summary is null || summary.MaterialsOwed || summary.State != CaseState.InReview)
            {
                return StepResult.Refused(l["Review.NotDecidable"]);
            }

            var opinion = approve ? reasons.Trim() : $"{reasons.Trim()}（{legalBasis.Trim()}）";
            task.Decide(opinion, clock.GetUtcNow());
            work.Record(task, approve ? "Approve" : "Deny", by, opinion);
            await cases.DecideAsync(task.CaseId, approve, opinion, by, ct);
            return StepResult.Ok;
        }, ct);
}
