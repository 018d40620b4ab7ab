using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Identity;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Shared.Localization;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Accounts.Domain;

internal sealed class AccountLanguages(GovDbContext db) : IAccountLanguages
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        userIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<AppUser>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => Cultures.Normalize(u.PreferredCulture), cancellationToken);

    /// <summary>Saved (and audited) only when it changes: switching back and forth is not news for every page.</summary>
    public async Task RememberAsync(Guid userId, string culture, CancellationToken cancellationToken = default)
    {
        var chosen = Cultures.Normalize(culture);
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.PreferredCulture == chosen)
        {
            return;
        }

        user.PreferredCulture = chosen;
        await db.SaveChangesAsync(cancellationToken);
    }
}
