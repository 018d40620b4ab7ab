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
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision.Controllers;

public sealed record OrderList(IReadOnlyList<SupervisionOrder> Orders, SupervisionViewer Viewer);

public sealed record OrderPage(SupervisionOrder Order, IReadOnlyList<Card> Cards, SupervisionViewer Viewer, string? Error);

/// <summary>
/// 督办单: departments (and halls) read and answer the orders addressed to them; supervisors read those of their
/// region, close answered ones and open orders by hand on a case of their region.
/// </summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/orders")]
public sealed class OrdersController(
    GovDbContext db,
    SupervisionScope scopes,
    INotifications notifications,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is null)
        {
            return Forbid();
        }

        var query = viewer.Visible(db.Set<SupervisionOrder>().AsNoTracking());
        var orders = await query.OrderBy(o => o.State).ThenByDescending(o => o.IssuedAt).Take(200).ToListAsync(ct);
        return View(new OrderList(orders, viewer));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var (order, viewer) = await FindAsync(id, ct);
        return order is null ? NotFound() : View(await PageAsync(order, viewer!, null, ct));
    }

    [HttpPost("{id:guid}/answer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Answer(Guid id, [MaxLength(2000)] string? result, CancellationToken ct)
    {
        var (order, viewer) = await FindAsync(id, ct);
        if (order is null || !viewer!.MayAnswer(order.DepartmentId, order.HallId))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(result) || result.Trim().Length > 2000)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(order, viewer, l["Supervision.Order.AnswerRequired"].Value, ct));
        }

        if (order.State != OrderState.Open)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", await PageAsync(order, viewer, l["Supervision.Order.NotOpen"].Value, ct));
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        order.Result = result.Trim();
        order.AnsweredAt = now;
        order.AnsweredByName = viewer.Staff.Name;
        order.State = OrderState.Answered;
        order.StateChangedAt = now;
        var supervisors = await organization.SupervisorsOverHallAsync(order.HallId, Math.Max(1, order.Level), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await notifications.PostAsync(
            [.. supervisors.Select(s => new Notice($"order:{order.Id}:answered", s.UserId, null,
                l["Supervision.Order.Answered.Title", order.Number, order.CaseNumber].Value, order.Result, $"/supervision/orders/{order.Id}"))], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Supervision.Order.Answered";
        return Redirect($"/supervision/orders/{order.Id}");
    }

    [HttpPost("{id:guid}/close")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Close(Guid id, [MaxLength(1000)] string? note, CancellationToken ct)
    {
        var (order, viewer) = await FindAsync(id, ct);
        if (order is null || !viewer!.IsSupervisor)
        {
            return NotFound();
        }

        if (order.State != OrderState.Answered)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", await PageAsync(order, viewer, l["Supervision.Order.NotAnswered"].Value, ct));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(order, viewer, l["Common.TooLong", 1000].Value, ct));
        }

        order.State = OrderState.Closed;
        order.ClosingNote = (note ?? "").Trim();
        order.StateChangedAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Supervision.Order.Closed";
        return Redirect($"/supervision/orders/{order.Id}");
    }

    /// <summary>A supervisor opens an order by hand on any card of a case in their region.</summary>
    [HttpPost("from-card/{cardId:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> OpenFromCard(Guid cardId, [MaxLength(1000)] string? content, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (viewer is not { IsSupervisor: true } || card is null || !viewer.MaySee(card.DepartmentId, card.HallId))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(content) || content.Trim().Length > 1000)
        {
            TempData["Flash"] = "Supervision.Order.ContentRequired";
            return Redirect($"/supervision/cases/{card.CaseNumber}");
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        var calendar = await calendars.GetAsync(ct);
        var department = card.DepartmentId is { } d ? (await organization.DepartmentsAsync(ct)).FirstOrDefault(x => x.Id == d) : null;
        var sequence = await db.Database.SqlQueryRaw<long>("SELECT nextval('gov.sup_order_numbers') AS \"Value\"").SingleAsync(ct);
        var order = new SupervisionOrder
        {
            Number = $"DB{today:yyyyMMdd}{sequence:000000}",
            CaseId = card.CaseId,
            CaseNumber = card.CaseNumber,
            ItemName = card.ItemName,
            Content = content.Trim(),
            DepartmentId = card.DepartmentId,
            DepartmentName = department?.Name ?? "",
            HallId = card.HallId,
            RuleCode = "MANUAL",
            WarningType = 3,
            IssuedAt = now,
            StateChangedAt = now,
            ResponseDue = calendar.AddWorkingDays(today, Math.Max(1, options.Value.ResponseWorkingDays)).End,
            OpenedByStaffId = viewer.Staff.StaffId,
            OpenedByName = viewer.Staff.Name,
        };
        var recipients = await Sweep.OrderNotices.StaffAnsweringAsync(organization, card.DepartmentId, card.HallId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(order);
        await db.SaveChangesAsync(ct);
        await notifications.PostAsync([.. Sweep.OrderNotices.For(Sweep.OrderNotices.Addressees(recipients), order.Id, order.Number, order.CaseNumber, order.Content, order.ResponseDue, 0, l)], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Supervision.Order.Opened";
        return Redirect($"/supervision/orders/{order.Id}");
    }

    private async Task<(SupervisionOrder? Order, SupervisionViewer? Viewer)> FindAsync(Guid id, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        var order = viewer is null ? null : await db.Set<SupervisionOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is not null && viewer!.MaySee(order.DepartmentId, order.HallId) ? (order, viewer) : (null, null);
    }

    private async Task<OrderPage> PageAsync(SupervisionOrder order, SupervisionViewer viewer, string? error, CancellationToken ct) =>
        new(order, await db.Set<Card>().AsNoTracking().Where(c => c.CaseId == order.CaseId).OrderBy(c => c.IssuedAt).ToListAsync(ct), viewer, error);
}
