using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>申诉: the department holds the bad rating of an open work order malicious or mistaken; the region's supervisors decide.</summary>
public sealed class AppealRating(RectificationSteps steps, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int ReasonMax = 1000;

    private static readonly RectificationStep Step = new(false, RectificationState.Open, "Rectification.AppealReasonRequired", "Rectification.NotOpen");

    public Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, string? reason, CancellationToken ct) =>
        steps.RunAsync(id, user, Step, RectificationSteps.Written(reason, ReasonMax), [("reason", reason)], async page =>
        {
            var order = page.Order;
            order.Appeal(page.Rating, reason!, clock.GetUtcNow());
            var supervisors = await organization.SupervisorsOverHallAsync(order.HallId, 1, ct);
            return [.. supervisors.Select(s => new Notice($"rectification:{order.Id}:appeal", s.UserId, null,
                l["Rectification.Appealed.Title", order.Number, order.CaseNumber].Value, order.AppealReason, $"/supervision/rectifications/{order.Id}"))];
        }, ct);
}
