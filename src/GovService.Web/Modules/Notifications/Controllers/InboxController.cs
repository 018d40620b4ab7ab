using System.Security.Claims;
using GovService.Web.Modules.Notifications.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Notifications.Controllers;

/// <summary>消息中心: everyone signed in reads their own messages (cards, supervision orders, rating follow-ups, reminders).</summary>
[Area(NotificationsModule.Name)]
[Authorize]
[Route("inbox")]
public sealed class InboxController(InboxQueries inbox, MarkRead markRead) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await inbox.PageAsync(Me, ct));

    /// <summary>Marks one message read and opens what it is about.</summary>
    [HttpPost("{id:long}/open")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var link = await markRead.OneAsync(id, Me, ct);
        if (link is null)
        {
            return NotFound();
        }

        return Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        await markRead.AllAsync(Me, ct);
        return RedirectToAction(nameof(Index));
    }
}
