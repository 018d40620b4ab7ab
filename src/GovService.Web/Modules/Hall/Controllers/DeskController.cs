using System.Security.Claims;
using GovService.Web.Modules.Hall.Calling;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Device;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// The hall's staff: the 导服 desk (issue tickets, re-queue absent ones) and the calling panel of the window the clerk
/// sits at (叫号, 重呼, 过号, 转移, 开始办理, 办结); the chief representative pairs each window's rating device.
/// </summary>
[Area(HallModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("hall/desk")]
public sealed class DeskController(IOrganizationDirectory organization, DeskQueries pages, IQueueTickets tickets, CallNext callNext, TicketActions actions, PairDevice pairing) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await ClerkAsync(ct) is { } clerk ? View(await pages.DeskAsync(clerk, new TicketForm(), ct)) : Forbid();

    [HttpPost("issue")]
    public async Task<IActionResult> Issue(TicketForm form, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } clerk)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var priority = (form.Disabled ? PriorityReason.Disabled : 0) | (form.GreenChannel ? PriorityReason.GreenChannel : 0);
            var issued = await tickets.IssueAsync(new TicketRequest(clerk.HallId!.Value, form.Category ?? 0, form.PersonName, form.IdNumber, form.Mobile, form.ItemCode, priority, null, TicketSource.Clerk), ct);
            if (issued.Ticket is { } ticket)
            {
                return Redirect($"/hall/tickets/{ticket.Id}/slip");
            }

            foreach (var (field, message) in issued.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("Index", await pages.DeskAsync(clerk, form, ct));
    }

    [HttpPost("tickets/{ticketId:guid}/requeue")]
    public async Task<IActionResult> Requeue(Guid ticketId, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } clerk)
        {
            return Forbid();
        }

        var result = await actions.RequeueAsync(clerk.HallId!.Value, ticketId, ct);
        if (result.Missing)
        {
            return NotFound();
        }

        TempData["HallMessage"] = result.Error;
        return Redirect("/hall/desk");
    }

    [HttpGet("windows/{windowId:guid}")]
    public async Task<IActionResult> Panel(Guid windowId, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } clerk)
        {
            return Forbid();
        }

        return await pages.WindowAsync(clerk, windowId, ct) is { } window ? View(await pages.PanelAsync(window, clerk, ct)) : NotFound();
    }

    [HttpPost("windows/{windowId:guid}/call")]
    public async Task<IActionResult> Call(Guid windowId, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } clerk)
        {
            return Forbid();
        }

        if (await pages.WindowAsync(clerk, windowId, ct) is not { } window)
        {
            return NotFound();
        }

        var result = await callNext.RunAsync(window, clerk, ct);
        TempData["HallMessage"] = result.Error;
        return Redirect($"/hall/desk/windows/{windowId}");
    }

    /// <summary>A step on the window's ticket: recall, absent, start, finish, transfer (with <paramref name="to"/>).</summary>
    [HttpPost("windows/{windowId:guid}/tickets/{ticketId:guid}/{step:regex(^(recall|absent|start|finish|transfer)$)}")]
    public async Task<IActionResult> Act(Guid windowId, Guid ticketId, string step, WindowCategory? to, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } clerk)
        {
            return Forbid();
        }

        if (await pages.WindowAsync(clerk, windowId, ct) is not { } window || !Enum.TryParse<DeskAction>(step, ignoreCase: true, out var what))
        {
            return NotFound();
        }

        var categories = (await pages.WindowsAsync(clerk, ct) ?? []).Select(w => w.Category).Distinct().ToList();
        var result = await actions.RunAsync(window, ticketId, what, to, categories, ct);
        TempData["HallMessage"] = result.Error;

        // 开始办理 with an item: window intake of that item, the applicant filled in, the ticket carried to the case.
        if (result.Error is null && what == DeskAction.Start && result.Ticket is { ItemCode: { } code } started)
        {
            var query = QueryString.Create(new Dictionary<string, string?> { ["id"] = started.IdNumber, ["name"] = started.PersonName, ["mobile"] = started.Mobile, ["ticket"] = started.Id.ToString() });
            return Redirect($"/window/intake/{Uri.EscapeDataString(code)}{query}");
        }

        return Redirect($"/hall/desk/windows/{windowId}");
    }

    /// <summary>配对评价器: the chief representative makes the window's device key; the page shows the device address once.</summary>
    [HttpPost("windows/{windowId:guid}/device")]
    [Authorize(Roles = Roles.ChiefRepresentative)]
    public async Task<IActionResult> PairDevice(Guid windowId, CancellationToken ct)
    {
        if (await ClerkAsync(ct) is not { } chief)
        {
            return Forbid();
        }

        if (await pages.WindowAsync(chief, windowId, ct) is not { } window)
        {
            return NotFound();
        }

        var key = await pairing.RunAsync(window, chief, ct);
        var page = await pages.PanelAsync(window, chief, ct) with { DeviceUrl = $"{Request.Scheme}://{Request.Host}/hall/device/{window.Id}?key={key}" };
        return View("Panel", page);
    }

    private async Task<StaffPlacement?> ClerkAsync(CancellationToken ct) =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && await organization.FindStaffAsync(userId, ct) is { HallId: not null } staff ? staff : null;
}
