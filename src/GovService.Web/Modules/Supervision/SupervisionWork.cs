using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision;

/// <summary>Saves what a use case changed on supervision work and posts its notices, in one transaction.</summary>
public sealed class SupervisionWork(GovDbContext db, INotifications notifications)
{
    /// <summary>
    /// False, with nothing saved or posted, when someone else changed the same work first (its row version): the
    /// tracked entities are forgotten, so the page is read again as it now stands.
    /// </summary>
    public async Task<bool> SaveAndPostAsync(IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        await notifications.PostAsync(notices, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
