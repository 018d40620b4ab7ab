using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Notifications.Controllers;

public sealed record InboxPage(IReadOnlyList<InboxMessage> Messages, int Unread);

/// <summary>消息中心: everyone signed in reads their own messages (cards, supervision orders, rating follow-ups, reminders).</summary>
[Area(NotificationsModule.Name)]
[Authorize]
[Route("inbox")]
public sealed class InboxController(GovDbContext db, TimeProvider clock) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = Me;
        var messages = await db.Set<InboxMessage>().AsNoTracking().Where(m => m.UserId == me).OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        var unread = await db.Set<InboxMessage>().CountAsync(m => m.UserId == me && m.ReadAt == null, ct);
        return View(new InboxPage(messages, unread));
    }

    /// <summary>Marks one message read and opens what it is about.</summary>
    [HttpPost("{id:long}/open")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var me = Me;
        var message = await db.Set<InboxMessage>().FirstOrDefaultAsync(m => m.Id == id && m.UserId == me, ct);
        if (message is null)
        {
            return NotFound();
        }

        message.ReadAt ??= clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
        return Url.IsLocalUrl(message.Link) ? LocalRedirect(message.Link) : RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var me = Me;
        var now = clock.GetUtcNow().ToUniversalTime();
        await db.Set<InboxMessage>().Where(m => m.UserId == me && m.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), ct);
        return RedirectToAction(nameof(Index));
    }
}
