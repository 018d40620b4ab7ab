using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>
/// 申诉复核 by a supervisor of the region: upheld, the work order is void and the rating stops counting; rejected, the
/// department must still rectify. The department's staff are told either way.
/// </summary>
public sealed class DecideAppeal(RectificationSteps steps, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int NoteMax = 1000;

    private static readonly RectificationStep Step = new(true, RectificationState.Appealed, "Rectification.DecisionNoteRequired", "Rectification.NotAppealed");

    public Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, bool upheld, string? note, CancellationToken ct) =>
        steps.RunAsync(id, user, Step, RectificationSteps.Written(note, NoteMax), [("note", note)], async page =>
        {
            var order = page.Order;
            order.DecideAppeal(page.Rating, upheld, note!, page.Viewer.Staff.Name, clock.GetUtcNow());
            var staff = await OrderNotices.StaffAnsweringAsync(organization, order.DepartmentId, order.HallId, ct);
            var title = l[upheld ? "Rectification.AppealUpheld.Title" : "Rectification.AppealRejected.Title", order.Number].Value;
            return [.. staff.Select(s => new Notice($"rectification:{order.Id}:appeal-decided", s.UserId, null, title, order.AppealDecision, $"/supervision/rectifications/{order.Id}"))];
        }, ct);
}
