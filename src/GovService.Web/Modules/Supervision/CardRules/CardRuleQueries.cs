using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision.CardRules;

/// <summary>The yellow-card rules as the administrators' page lists them: by item, then step.</summary>
public sealed class CardRuleQueries(GovDbContext db)
{
    public async Task<IReadOnlyList<CardRule>> ListAsync(CancellationToken ct) =>
        await db.Set<CardRule>().AsNoTracking().OrderBy(r => r.BasicCode).ThenBy(r => r.StepName).ToListAsync(ct);
}
