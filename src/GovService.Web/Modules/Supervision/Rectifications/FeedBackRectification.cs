using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>回访 and 整改反馈 by the department (or hall) the bad rating is about; the applicant is told and may rate the rectification.</summary>
public sealed class FeedBackRectification(RectificationQueries rectifications, SupervisionWork work, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int CallbackMax = 1000;
    public const int RectificationMax = 2000;

    public async Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, string? callback, string? rectification, CancellationToken ct)
    {
        var page = await rectifications.PageAsync(id, user, ct);
        if (page is null || !page.Viewer.MayAnswer(page.Order.DepartmentId, page.Order.HallId))
        {
            return WorkResult<RectificationPage>.NotFound;
        }

        var order = page.Order;
        (string, string?)[] posted = [("callback", callback), ("rectification", rectification)];
        if (string.IsNullOrWhiteSpace(callback) || string.IsNullOrWhiteSpace(rectification) || callback.Trim().Length > CallbackMax || rectification.Trim().Length > RectificationMax)
        {
            return page.Refused(WorkOutcome.Invalid, l["Rectification.FeedbackRequired"], posted);
        }

        if (order.State != RectificationState.Open)
        {
            return page.Refused(WorkOutcome.Conflict, l["Rectification.NotOpen"], posted);
        }

        order.FeedBack(callback, rectification, page.Viewer.Staff.Name, clock.GetUtcNow());
        Notice[] notices =
        [
            new($"rectification:{order.Id}:fed-back", order.RaterUserId, null, l["Rectification.FedBack.Title", order.CaseNumber].Value, order.Rectification, $"/my/cases/{order.CaseNumber}/rating"),
        ];
        return await work.SaveAndPostAsync(notices, ct)
            ? WorkResult<RectificationPage>.Done
            : (await rectifications.PageAsync(id, user, ct) ?? page).Refused(WorkOutcome.Conflict, l["Rectification.NotOpen"], posted);
    }
}
