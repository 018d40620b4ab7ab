using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>回访 and 整改反馈 by the department (or hall) the bad rating is about; the applicant is told and may rate the rectification.</summary>
public sealed class FeedBackRectification(RectificationSteps steps, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int CallbackMax = 1000;
    public const int RectificationMax = 2000;

    private static readonly RectificationStep Step = new(false, RectificationState.Open, "Rectification.FeedbackRequired", "Rectification.NotOpen");

    public Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, string? callback, string? rectification, CancellationToken ct) =>
        steps.RunAsync(
            id,
            user,
            Step,
            RectificationSteps.Written(callback, CallbackMax) && RectificationSteps.Written(rectification, RectificationMax),
            [("callback", callback), ("rectification", rectification)],
            page =>
            {
                var order = page.Order;
                order.FeedBack(callback!, rectification!, page.Viewer.Staff.Name, clock.GetUtcNow());
                return Task.FromResult<IReadOnlyCollection<Notice>>(
                [
                    new Notice($"rectification:{order.Id}:fed-back", order.RaterUserId, null,
                        l["Rectification.FedBack.Title", order.CaseNumber].Value, order.Rectification, $"/my/cases/{order.CaseNumber}/rating"),
                ]);
            },
            ct);
}
