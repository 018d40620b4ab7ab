using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Notifications.Inbox;

public sealed record InboxPage(IReadOnlyList<InboxMessage> Messages, int Unread);

/// <summary>A person's own inbox: the latest 200 messages, newest first, and how many are unread.</summary>
public sealed class InboxQueries(GovDbContext db)
{
    public async Task<InboxPage> PageAsync(Guid userId, CancellationToken ct)
    {
        var messages = await db.Set<InboxMessage>().AsNoTracking().Where(m => m.UserId == userId).OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        var unread = await db.Set<InboxMessage>().CountAsync(m => m.UserId == userId && m.ReadAt == null, ct);
        return new InboxPage(messages, unread);
    }
}
