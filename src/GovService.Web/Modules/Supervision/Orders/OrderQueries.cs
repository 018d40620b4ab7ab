using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Supervision.Orders;

public sealed record OrderList(IReadOnlyList<SupervisionOrder> Orders, SupervisionViewer Viewer);

public sealed record OrderPage(SupervisionOrder Order, IReadOnlyList<Card> Cards, SupervisionViewer Viewer, string? Error);

/// <summary>The orders a member of staff may see: their list, one order with the case's cards.</summary>
public sealed class OrderQueries(GovDbContext db, SupervisionScope scopes)
{
    /// <summary>Null for someone who sees no supervision work.</summary>
    public async Task<OrderList?> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        if (viewer is null)
        {
            return null;
        }

        var query = viewer.Visible(db.Set<SupervisionOrder>().AsNoTracking());
        var orders = await query.OrderBy(o => o.State).ThenByDescending(o => o.IssuedAt).Take(200).ToListAsync(ct);
        return new OrderList(orders, viewer);
    }

    public async Task<OrderPage?> ShowAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (order, viewer) = await FindAsync(id, user, ct);
        return order is null ? null : await PageAsync(order, viewer!, null, ct);
    }

    /// <summary>The order (tracked, to be acted on) and its viewer; both null when the user may not see it.</summary>
    public async Task<(SupervisionOrder? Order, SupervisionViewer? Viewer)> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        var order = viewer is null ? null : await db.Set<SupervisionOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is not null && viewer!.MaySee(order.DepartmentId, order.HallId) ? (order, viewer) : (null, null);
    }

    public async Task<OrderPage> PageAsync(SupervisionOrder order, SupervisionViewer viewer, string? error, CancellationToken ct) =>
        new(order, await db.Set<Card>().AsNoTracking().Where(c => c.CaseId == order.CaseId).OrderBy(c => c.IssuedAt).ToListAsync(ct), viewer, error);
}
