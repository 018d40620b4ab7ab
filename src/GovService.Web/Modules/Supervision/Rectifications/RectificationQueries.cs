using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <param name="HallNames">The halls' names: a work order without a department is answered by the hall it names.</param>
public sealed record RectificationList(IReadOnlyList<RectificationOrder> Orders, SupervisionViewer Viewer, DateOnly Today, IReadOnlyDictionary<Guid, string> HallNames)
{
    public string? HallOf(RectificationOrder order) => order.HallId is { } h ? HallNames.GetValueOrDefault(h) : null;
}

/// <param name="HallName">The name of the order's hall, which answers for it when no department does.</param>
public sealed record RectificationPage(RectificationOrder Order, Rating Rating, SupervisionViewer Viewer, DateOnly Today, string? HallName, string? Error, IReadOnlyDictionary<string, string?>? Posted = null)
{
    public string? Typed(string field) => Posted?.GetValueOrDefault(field);

    /// <summary>This page again with an error and what was posted (field, value), for a refused action.</summary>
    public WorkResult<RectificationPage> Refused(WorkOutcome outcome, string error, params (string Field, string? Value)[] posted) =>
        new(outcome, this with { Error = error, Posted = posted.ToDictionary(p => p.Field, p => p.Value) });
}

/// <summary>The work orders a member of staff may see: the list (open and appealed first) and one with its rating.</summary>
public sealed class RectificationQueries(GovDbContext db, SupervisionScope scopes, IOrganizationDirectory organization, TimeProvider clock)
{
    /// <summary>Null for someone who sees no supervision work.</summary>
    public async Task<RectificationList?> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        if (viewer is null)
        {
            return null;
        }

        var query = viewer.Visible(db.Set<RectificationOrder>().AsNoTracking());
        var orders = await query.OrderBy(o => o.State == RectificationState.Open || o.State == RectificationState.Appealed ? 0 : 1)
            .ThenBy(o => o.DueOn).Take(200).ToListAsync(ct);
        return new RectificationList(orders, viewer, clock.Today(), (await organization.HallsAsync(ct)).ToDictionary(h => h.Id, h => h.Name));
    }

    /// <summary>The work order and its rating, tracked so a use case may act on them; null when the user may not see it.</summary>
    public async Task<RectificationPage?> PageAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        var order = viewer is null ? null : await db.Set<RectificationOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !viewer!.MaySee(order.DepartmentId, order.HallId))
        {
            return null;
        }

        var rating = await db.Set<Rating>().FirstAsync(r => r.Id == order.RatingId, ct);
        var hall = order.HallId is { } hallId ? (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == hallId)?.Name : null;
        return new RectificationPage(order, rating, viewer, clock.Today(), hall, null);
    }
}
