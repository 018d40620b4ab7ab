using System.ComponentModel.DataAnnotations;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Controllers;

public sealed record RectificationList(IReadOnlyList<RectificationOrder> Orders, SupervisionViewer Viewer, DateOnly Today);

public sealed record RectificationPage(RectificationOrder Order, Rating Rating, SupervisionViewer Viewer, DateOnly Today, string? Error, IReadOnlyDictionary<string, string?>? Posted = null)
{
    public string? Typed(string field) => Posted?.GetValueOrDefault(field);
}

/// <summary>
/// 差评整改工单: the department (or hall) the bad rating is about calls the applicant back, rectifies and feeds
/// back, or appeals a malicious rating; supervisors of the region follow them and decide appeals.
/// </summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/rectifications")]
public sealed class RectificationsController(
    GovDbContext db,
    SupervisionScope scopes,
    INotifications notifications,
    IOrganizationDirectory organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const int TextMax = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is null)
        {
            return Forbid();
        }

        var query = viewer.Visible(db.Set<RectificationOrder>().AsNoTracking());
        var orders = await query.OrderBy(o => o.State == RectificationState.Open || o.State == RectificationState.Appealed ? 0 : 1)
            .ThenBy(o => o.DueOn).Take(200).ToListAsync(ct);
        return View(new RectificationList(orders, viewer, clock.Today()));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>回访 and 整改反馈: the applicant is told and may rate the rectification.</summary>
    [HttpPost("{id:guid}/feedback")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Feedback(Guid id, [MaxLength(TextMax)] string? callback, [MaxLength(2000)] string? rectification, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null || !page.Viewer.MayAnswer(page.Order.DepartmentId, page.Order.HallId))
        {
            return NotFound();
        }

        var order = page.Order;
        if (string.IsNullOrWhiteSpace(callback) || string.IsNullOrWhiteSpace(rectification) || callback.Trim().Length > TextMax || rectification.Trim().Length > 2000)
        {
            return Refused(page, StatusCodes.Status400BadRequest, l["Rectification.FeedbackRequired"], ("callback", callback), ("rectification", rectification));
        }

        if (order.State != RectificationState.Open)
        {
            return Refused(page, StatusCodes.Status409Conflict, l["Rectification.NotOpen"], ("callback", callback), ("rectification", rectification));
        }

        order.CallbackNote = callback.Trim();
        order.Rectification = rectification.Trim();
        order.FedBackAt = clock.GetUtcNow().ToUniversalTime();
        order.FedBackByName = page.Viewer.Staff.Name;
        order.State = RectificationState.FedBack;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await SavedAsync(ct))
        {
            return Refused(await PageAsync(id, ct) ?? page, StatusCodes.Status409Conflict, l["Rectification.NotOpen"], ("callback", callback), ("rectification", rectification));
        }

        await notifications.PostAsync(
            [new Notice($"rectification:{order.Id}:fed-back", order.RaterUserId, null,
                l["Rectification.FedBack.Title", order.CaseNumber].Value, order.Rectification, $"/my/cases/{order.CaseNumber}/rating")], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Rectification.FedBack";
        return Redirect($"/supervision/rectifications/{order.Id}");
    }

    /// <summary>申诉: the department holds the rating to be malicious or mistaken; the region's supervisors decide.</summary>
    [HttpPost("{id:guid}/appeal")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Appeal(Guid id, [MaxLength(TextMax)] string? reason, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null || !page.Viewer.MayAnswer(page.Order.DepartmentId, page.Order.HallId))
        {
            return NotFound();
        }

        var order = page.Order;
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TextMax)
        {
            return Refused(page, StatusCodes.Status400BadRequest, l["Rectification.AppealReasonRequired"], ("reason", reason));
        }

        if (order.State != RectificationState.Open)
        {
            return Refused(page, StatusCodes.Status409Conflict, l["Rectification.NotOpen"], ("reason", reason));
        }

        order.AppealReason = reason.Trim();
        order.AppealedAt = clock.GetUtcNow().ToUniversalTime();
        order.State = RectificationState.Appealed;
        page.Rating.Appeal = AppealState.Pending;
        var supervisors = await organization.SupervisorsOverHallAsync(order.HallId, 1, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await SavedAsync(ct))
        {
            return Refused(await PageAsync(id, ct) ?? page, StatusCodes.Status409Conflict, l["Rectification.NotOpen"], ("reason", reason));
        }

        await notifications.PostAsync(
            [.. supervisors.Select(s => new Notice($"rectification:{order.Id}:appeal", s.UserId, null,
                l["Rectification.Appealed.Title", order.Number, order.CaseNumber].Value, order.AppealReason, $"/supervision/rectifications/{order.Id}"))], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Rectification.Appealed";
        return Redirect($"/supervision/rectifications/{order.Id}");
    }

    /// <summary>申诉复核 by a supervisor: upheld, the rating stops counting; rejected, the department must still rectify.</summary>
    [HttpPost("{id:guid}/appeal-decision")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DecideAppeal(Guid id, bool upheld, [MaxLength(TextMax)] string? note, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null || !page.Viewer.IsSupervisor)
        {
            return NotFound();
        }

        var order = page.Order;
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > TextMax)
        {
            return Refused(page, StatusCodes.Status400BadRequest, l["Rectification.DecisionNoteRequired"], ("note", note));
        }

        if (order.State != RectificationState.Appealed)
        {
            return Refused(page, StatusCodes.Status409Conflict, l["Rectification.NotAppealed"], ("note", note));
        }

        order.AppealDecision = note.Trim();
        order.AppealDecidedAt = clock.GetUtcNow().ToUniversalTime();
        order.AppealDecidedByName = page.Viewer.Staff.Name;
        order.State = upheld ? RectificationState.Voided : RectificationState.Open;
        page.Rating.Appeal = upheld ? AppealState.Upheld : AppealState.Rejected;
        var staff = await Sweep.OrderNotices.StaffAnsweringAsync(organization, order.DepartmentId, order.HallId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await SavedAsync(ct))
        {
            return Refused(await PageAsync(id, ct) ?? page, StatusCodes.Status409Conflict, l["Rectification.NotAppealed"], ("note", note));
        }

        await notifications.PostAsync(
            [.. staff.Select(s => new Notice($"rectification:{order.Id}:appeal-decided", s.UserId, null,
                l[upheld ? "Rectification.AppealUpheld.Title" : "Rectification.AppealRejected.Title", order.Number].Value, order.AppealDecision, $"/supervision/rectifications/{order.Id}"))], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = upheld ? "Rectification.AppealUpheld" : "Rectification.AppealRejected";
        return Redirect($"/supervision/rectifications/{order.Id}");
    }

    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else acted on the work order first; the page is shown again as it now stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private ViewResult Refused(RectificationPage page, int status, string error, params (string Field, string? Value)[] posted)
    {
        Response.StatusCode = status;
        return View("Show", page with { Error = error, Posted = posted.ToDictionary(p => p.Field, p => p.Value) });
    }

    private async Task<RectificationPage?> PageAsync(Guid id, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        var order = viewer is null ? null : await db.Set<RectificationOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !viewer!.MaySee(order.DepartmentId, order.HallId))
        {
            return null;
        }

        var rating = await db.Set<Rating>().FirstAsync(r => r.Id == order.RatingId, ct);
        return new RectificationPage(order, rating, viewer, clock.Today(), null);
    }
}
