using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Supervision.Orders;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Supervision.Controllers;

/// <summary>
/// 督办单: departments (and halls) read and answer the orders addressed to them; supervisors read those of their
/// region, close answered ones and open orders by hand on a case of their region.
/// </summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/orders")]
public sealed class OrdersController(OrderQueries orders) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await orders.ListAsync(User, ct) is { } list ? View(list) : Forbid();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await orders.ShowAsync(id, User, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/answer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Answer(Guid id, [MaxLength(2000)] string? result, [FromServices] AnswerOrder answer, CancellationToken ct) =>
        this.Respond(await answer.RunAsync(id, User, result, ct), "Show", "Supervision.Order.Answered", $"/supervision/orders/{id}");

    [HttpPost("{id:guid}/close")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Close(Guid id, [MaxLength(CloseOrder.NoteMax)] string? note, [FromServices] CloseOrder close, CancellationToken ct) =>
        this.Respond(await close.RunAsync(id, User, note, ct), "Show", "Supervision.Order.Closed", $"/supervision/orders/{id}");

    /// <summary>A supervisor opens an order by hand on any card of a case in their region.</summary>
    [HttpPost("from-card/{cardId:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> OpenFromCard(Guid cardId, [MaxLength(IssueOrder.ContentMax)] string? content, [FromServices] IssueOrder issue, CancellationToken ct)
    {
        var issued = await issue.RunAsync(cardId, User, content, ct);
        switch (issued.Outcome)
        {
            case WorkOutcome.NotFound:
                return NotFound();
            case WorkOutcome.Invalid:
                TempData["Flash"] = "Supervision.Order.ContentRequired";
                return Redirect($"/supervision/cases/{issued.CaseNumber}");
            default:
                TempData["Flash"] = "Supervision.Order.Opened";
                return Redirect($"/supervision/orders/{issued.OrderId}");
        }
    }
}
