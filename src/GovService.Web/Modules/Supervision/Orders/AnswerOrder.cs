using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Answering;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Orders;

/// <summary>The addressed department (or hall) answers an open 督办单; the supervisors at the order's level are told.</summary>
public sealed class AnswerOrder(OrderQueries orders, AnswerAddressedWork answering, IOrganizationDirectory organization, IStringLocalizer<SharedResource> l)
{
    private static readonly (string Invalid, string Conflict) Refusals = ("Supervision.Order.AnswerRequired", "Supervision.Order.NotOpen");

    public async Task<WorkResult<OrderPage>> RunAsync(Guid id, ClaimsPrincipal user, string? result, CancellationToken ct)
    {
        var found = await orders.FindAsync(id, user, ct);
        return await answering.AnswerAsync(found, result, Refusals, order => NoticesAsync(order, ct), (order, viewer, error) => orders.PageAsync(order, viewer, error, ct), ct);
    }

    private async Task<IReadOnlyCollection<Notice>> NoticesAsync(SupervisionOrder order, CancellationToken ct)
    {
        var supervisors = await organization.SupervisorsOverHallAsync(order.HallId, Math.Max(1, order.Level), ct);
        return [.. supervisors.Select(s => new Notice($"order:{order.Id}:answered", s.UserId, null,
            l["Supervision.Order.Answered.Title", order.Number, order.CaseNumber].Value, order.Result, $"/supervision/orders/{order.Id}"))];
    }
}
