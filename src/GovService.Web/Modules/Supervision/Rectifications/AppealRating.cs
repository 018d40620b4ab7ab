using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>申诉: the department holds the bad rating of an open work order malicious or mistaken; the region's supervisors decide.</summary>
public sealed class AppealRating(RectificationQueries rectifications, SupervisionWork work, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int ReasonMax = 1000;

    public async Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, string? reason, CancellationToken ct)
    {
        var page = await rectifications.PageAsync(id, user, ct);
        if (page is null || !page.Viewer.MayAnswer(page.Order.DepartmentId, page.Order.HallId))
        {
            return WorkResult<RectificationPage>.NotFound;
        }

        var order = page.Order;
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMax)
        {
            return page.Refused(WorkOutcome.Invalid, l["Rectification.AppealReasonRequired"], ("reason", reason));
        }

        if (order.State != RectificationState.Open)
        {
            return page.Refused(WorkOutcome.Conflict, l["Rectification.NotOpen"], ("reason", reason));
        }

        order.Appeal(page.Rating, reason, clock.GetUtcNow());
        var supervisors = await organization.SupervisorsOverHallAsync(order.HallId, 1, ct);
        Notice[] notices =
        [
            .. supervisors.Select(s => new Notice($"rectification:{order.Id}:appeal", s.UserId, null,
                l["Rectification.Appealed.Title", order.Number, order.CaseNumber].Value, order.AppealReason, $"/supervision/rectifications/{order.Id}")),
        ];
        return await work.SaveAndPostAsync(notices, ct)
            ? WorkResult<RectificationPage>.Done
            : (await rectifications.PageAsync(id, user, ct) ?? page).Refused(WorkOutcome.Conflict, l["Rectification.NotOpen"], ("reason", reason));
    }
}
