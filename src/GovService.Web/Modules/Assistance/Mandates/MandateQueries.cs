using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Assistance.Mandates;

/// <summary>A mandate with every act under it, newest last.</summary>
public sealed record MandatePage(Mandate Mandate, IReadOnlyList<MandateAct> Acts);

public sealed class MandateQueries(GovDbContext db)
{
    public async Task<IReadOnlyList<Mandate>> OfCitizenAsync(Guid citizenUserId, CancellationToken ct) =>
        await db.Set<Mandate>().AsNoTracking().Where(m => m.CitizenUserId == citizenUserId).OrderByDescending(m => m.GrantedAt).Take(200).ToListAsync(ct);

    public Task<MandatePage?> OfCitizenAsync(Guid citizenUserId, Guid id, CancellationToken ct) => PageAsync(m => m.Id == id && m.CitizenUserId == citizenUserId, ct);

    public Task<MandatePage?> OfAgentAsync(Guid agentUserId, Guid id, CancellationToken ct) => PageAsync(m => m.Id == id && m.AgentUserId == agentUserId, ct);

    private async Task<MandatePage?> PageAsync(System.Linq.Expressions.Expression<Func<Mandate, bool>> which, CancellationToken ct)
    {
        var mandate = await db.Set<Mandate>().AsNoTracking().FirstOrDefaultAsync(which, ct);
        return mandate is null
            ? null
            : new MandatePage(mandate, await db.Set<MandateAct>().AsNoTracking().Where(a => a.MandateId == mandate.Id).OrderBy(a => a.At).ToListAsync(ct));
    }
}
