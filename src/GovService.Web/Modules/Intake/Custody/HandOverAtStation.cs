using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Delivery;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Custody;

/// <summary>
/// 就近领取: a result that arrived at the place it is collected at is handed over there — to the applicant in person
/// (identity checked), to someone they authorised in writing, or taken by the station's agent for the applicant under a
/// mandate that allows it (委托代领, checked and logged in the same transaction). The case ends (办结).
/// </summary>
public sealed class HandOverAtStation(GovDbContext db, DeliverResult deliver, IAgentMandates mandates, ICatalogDirectory catalog, IStringLocalizer<SharedResource> l)
{
    public async Task<DeliveryOutcome> HandleAsync(Guid parcelId, string? recipient, string? recipientId, bool authorised, bool byAgent, bool textTooLong, CustodyPlace place, CancellationToken ct)
    {
        var parcel = await db.Set<CustodyParcel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == parcelId && p.Kind == ParcelKind.Result, ct);
        if (parcel is null || !place.Awaits(parcel))
        {
            return DeliveryOutcome.NotFound;
        }

        var clerk = place.Named with { HallId = place.HallId };
        var request = new DeliveryRequest(parcel.CaseId, DeliveryMethod.Pickup, recipient, recipientId, authorised, null, null, null, textTooLong);
        if (!byAgent)
        {
            return await deliver.HandleAsync(request, clerk, ct);
        }

        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == parcel.CaseId, ct);
        var item = await catalog.FindPublishedAsync(c.BasicCode, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var use = await mandates.UseAsync(new MandatedAct(place.UserId, place.Staff.Name, c.ApplicantIdNumber, MandatedAction.ReceiveResult,
            [new MandatedCase(c.Id, c.Number, c.BasicCode, c.ItemName, c.BundleCode, item?.DepartmentId ?? Guid.Empty)]), ct);
        if (!use.Allowed)
        {
            return new DeliveryOutcome(true, l[$"Mandate.Refused.{use.Refusal}"]);
        }

        var outcome = await deliver.HandleAsync(request with { AgentMandateNumber = use.MandateNumber }, clerk, ct);
        if (outcome.Found && outcome.Error is null)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }
}
