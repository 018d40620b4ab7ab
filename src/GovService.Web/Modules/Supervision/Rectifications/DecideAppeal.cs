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
public sealed class DecideAppeal(RectificationQueries rectifications, SupervisionWork work, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int NoteMax = 1000;

    public async Task<WorkResult<RectificationPage>> RunAsync(Guid id, ClaimsPrincipal user, bool upheld, string? note, CancellationToken ct)
    {
        var page = await rectifications.PageAsync(id, user, ct);
        if (page is null || !page.Viewer.IsSupervisor)
        {
            return WorkResult<RectificationPage>.NotFound;
        }

        var order = page.Order;
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > NoteMax)
        {
            return page.Refused(WorkOutcome.Invalid, l["Rectification.DecisionNoteRequired"], ("note", note));
        }

        if (order.State != RectificationState.Appealed)
        {
            return page.Refused(WorkOutcome.Conflict, l["Rectification.NotAppealed"], ("note", note));
        }

        order.DecideAppeal(page.Rating, upheld, note, page.Viewer.Staff.Name, clock.GetUtcNow());
        var staff = await OrderNotices.StaffAnsweringAsync(organization, order.DepartmentId, order.HallId, ct);
        Notice[] notices =
        [
            .. staff.Select(s => new Notice($"rectification:{order.Id}:appeal-decided", s.UserId, null,
                l[upheld ? "Rectification.AppealUpheld.Title" : "Rectification.AppealRejected.Title", order.Number].Value, order.AppealDecision, $"/supervision/rectifications/{order.Id}")),
        ];
        return await work.SaveAndPostAsync(notices, ct)
            ? WorkResult<RectificationPage>.Done
            : (await rectifications.PageAsync(id, user, ct) ?? page).Refused(WorkOutcome.Conflict, l["Rectification.NotAppealed"], ("note", note));
    }
}
