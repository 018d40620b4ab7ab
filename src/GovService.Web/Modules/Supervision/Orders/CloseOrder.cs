using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Orders;

/// <summary>办结: a supervisor of the region accepts the answer of an answered order, with an optional note.</summary>
public sealed class CloseOrder(GovDbContext db, OrderQueries orders, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int NoteMax = 1000;

    public async Task<WorkResult<OrderPage>> RunAsync(Guid id, ClaimsPrincipal user, string? note, CancellationToken ct)
    {
        var (order, viewer) = await orders.FindAsync(id, user, ct);
        if (order is null || !viewer!.IsSupervisor)
        {
            return WorkResult<OrderPage>.NotFound;
        }

        if (order.State != OrderState.Answered)
        {
            return new(WorkOutcome.Conflict, await orders.PageAsync(order, viewer, l["Supervision.Order.NotAnswered"].Value, ct));
        }

        if (note is { Length: > NoteMax })
        {
            return new(WorkOutcome.Invalid, await orders.PageAsync(order, viewer, l["Common.TooLong", NoteMax].Value, ct));
        }

        order.Close(note ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return WorkResult<OrderPage>.Done;
    }
}
