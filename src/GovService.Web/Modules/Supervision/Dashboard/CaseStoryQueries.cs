using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision.Dashboard;

/// <summary>Supervision records read as they are for the supervisors' drill-down pages.</summary>
public sealed class CaseStoryQueries(GovDbContext db)
{
    /// <summary>The bad ratings of the period in the given halls, latest first.</summary>
    public async Task<IReadOnlyList<Rating>> BadRatingsAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, CancellationToken ct) =>
        await db.Set<Rating>().AsNoTracking()
            .Where(r => r.HallId != null && halls.Contains(r.HallId.Value) && r.RatedOn >= filter.From && r.RatedOn <= filter.To && r.Level >= Satisfaction.Dissatisfied)
            .OrderByDescending(r => r.RatedAt).Take(200).ToListAsync(ct);

    /// <summary>Every card, order and rating of one case, in the order they came.</summary>
    public async Task<(IReadOnlyList<Card> Cards, IReadOnlyList<SupervisionOrder> Orders, IReadOnlyList<Rating> Ratings)> OfCaseAsync(string number, CancellationToken ct) =>
    (
        await db.Set<Card>().AsNoTracking().Where(c => c.CaseNumber == number).OrderBy(c => c.IssuedAt).ToListAsync(ct),
        await db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.CaseNumber == number).OrderBy(o => o.IssuedAt).ToListAsync(ct),
        await db.Set<Rating>().AsNoTracking().Where(r => r.CaseNumber == number).OrderBy(r => r.RatedAt).ToListAsync(ct));
}
