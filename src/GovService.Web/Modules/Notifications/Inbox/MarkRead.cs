using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Notifications.Inbox;

/// <summary>Marks a message of the reader's own inbox read (one, or all unread at once).</summary>
public sealed class MarkRead(GovDbContext db, TimeProvider clock)
{
    /// <summary>The message's link once it is marked read; null when the reader has no such message.</summary>
    public async Task<string?> OneAsync(long id, Guid userId, CancellationToken ct)
    {
        var message = await db.Set<InboxMessage>().FirstOrDefaultAsync(m => m.Id == id && m.UserId == userId, ct);
        if (message is null)
        {
            return null;
        }

        message.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return message.Link;
    }

    /// <summary>Every unread message of the reader, in one statement.</summary>
    public Task AllAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        return db.Set<InboxMessage>().Where(m => m.UserId == userId && m.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), ct);
    }
}
