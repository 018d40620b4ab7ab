using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision.CardRules;

/// <summary>Removes a yellow-card rule: the item or step falls back to the defaults. False when there was none.</summary>
public sealed class DeleteCardRule(GovDbContext db)
{
    public async Task<bool> RunAsync(Guid id, CancellationToken ct) =>
        await db.Set<CardRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0;
}
