using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Licences;

/// <summary>The holder's wallet (valid first, newest first), one licence, and the latest uses recorded on it.</summary>
public sealed class LicenceQueries(GovDbContext db)
{
    public Task<List<Licence>> WalletAsync(Guid holderUserId, CancellationToken ct) =>
        db.Set<Licence>().AsNoTracking().Where(x => x.HolderUserId == holderUserId).OrderBy(x => x.State).ThenByDescending(x => x.IssuedOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);

    public Task<Licence?> FindAsync(Guid id, CancellationToken ct) => db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);

    public Task<List<LicenceUse>> UsesAsync(Guid id, CancellationToken ct) =>
        db.Set<LicenceUse>().AsNoTracking().Where(u => u.LicenceId == id).OrderByDescending(u => u.Id).Take(20).ToListAsync(ct);
}
