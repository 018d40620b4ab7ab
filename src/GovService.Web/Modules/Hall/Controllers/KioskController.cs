using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// 自助取号: the hall's kiosk, no login. Nothing is kept between people: the pages are never cached, no sign-in is read
/// or written, and the kiosk's script goes back to an empty page after 60 seconds without a touch.
/// </summary>
[Area(HallModule.Name)]
[HallScreen]
public sealed class KioskController(DeskQueries pages, IQueueTickets tickets, QueueQueries queue) : Controller
{
    [HttpGet("hall/{hallId:guid}/kiosk")]
    public async Task<IActionResult> Index(Guid hallId, [MaxLength(200)] string? q, CancellationToken ct) =>
        await pages.KioskAsync(hallId, new TicketForm(), q, ct) is { } page ? View(page) : NotFound();

    [HttpPost("hall/{hallId:guid}/kiosk")]
    public async Task<IActionResult> Take(Guid hallId, TicketForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var priority = form.Disabled ? PriorityReason.Disabled : PriorityReason.None;
            var issued = await tickets.IssueAsync(new TicketRequest(hallId, form.Category ?? 0, form.PersonName, form.IdNumber, form.Mobile, form.ItemCode, priority, null, TicketSource.Kiosk), ct);
            if (issued.Ticket is { } ticket)
            {
                return RedirectToAction(nameof(Slip), new { id = ticket.Id, kiosk = true });
            }

            foreach (var (field, message) in issued.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return await pages.KioskAsync(hallId, form, null, ct) is { } page ? View("Index", page) : NotFound();
    }

    /// <summary>排队凭条: the slip of a ticket, to print or photograph (the name masked).</summary>
    [HttpGet("hall/tickets/{id:guid}/slip")]
    public async Task<IActionResult> Slip(Guid id, bool kiosk, CancellationToken ct)
    {
        ViewData["Kiosk"] = kiosk;
        return await queue.SlipAsync(id, ct) is { } slip ? View(slip) : NotFound();
    }
}
