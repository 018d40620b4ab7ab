using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Delivery;

/// <summary>
/// A result handed over at the desk: how (<see cref="Method"/>), to whom and, by courier, with which carrier, tracking
/// number and address. <see cref="TextTooLong"/>: a text was over its column's length when bound.
/// </summary>
public sealed record DeliveryRequest(Guid CaseId, DeliveryMethod Method, string? Recipient, string? RecipientId, bool Authorised, string? Courier, string? Tracking, string? Address, bool TextTooLong)
{
    /// <summary>委托代领: the agent handing the result over takes it for the applicant under this mandate (checked by the caller in its transaction).</summary>
    public string AgentMandateNumber { get; init; } = "";
}

/// <summary>What a delivery came to: no such result waiting at the clerk's hall, refused with a message, or delivered.</summary>
public sealed record DeliveryOutcome(bool Found, string? Error)
{
    public static readonly DeliveryOutcome NotFound = new(false, null);
}

/// <summary>
/// 统一窗口出件: the result of a case of the clerk's hall leaves it, picked up (identity checked; someone else only with
/// a checked authorisation, 委托书), by courier, or electronically into the holder's wallet; the case ends (办结).
/// </summary>
/// <remarks>
/// 收受分离: a result collected at another place than the window that received the case (the agent's village station) is
/// handed over there, and only once its paper has arrived (<see cref="Custody.CustodyParcel"/>).
/// </remarks>
public sealed class DeliverResult(GovDbContext db, CaseClosure closure, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<DeliverResult> logger)
{
    public async Task<DeliveryOutcome> HandleAsync(DeliveryRequest request, StaffPlacement clerk, CancellationToken ct)
    {
        var found = await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == request.CaseId && (c.CollectingHallId ?? c.HallId) == clerk.HallId && c.State == CaseState.AwaitingDelivery, ct);
        if (found is null)
        {
            return DeliveryOutcome.NotFound;
        }

        var parcel = found.CollectingHallId is { } collecting && collecting != found.HallId
            ? await db.Set<Custody.CustodyParcel>().FirstOrDefaultAsync(p => p.CaseId == found.Id && p.Kind == Custody.ParcelKind.Result && p.ToHallId == collecting, ct)
            : null;
        if (found.CollectingHallId is { } elsewhere && elsewhere != found.HallId && parcel?.State != Custody.ParcelState.Received)
        {
            return new DeliveryOutcome(true, l["Custody.ResultNotHere"]);
        }

        var byMandate = request.AgentMandateNumber.Length > 0;

        var (method, recipient, recipientId, courier, tracking, address) = (request.Method, request.Recipient, request.RecipientId, request.Courier, request.Tracking, request.Address);
        // A recipient, courier, tracking number or address over its column's length is refused like a missing one.
        var error = request.TextTooLong ? l["Common.CheckFields"].Value : method switch
        {
            DeliveryMethod.Pickup when byMandate => null,
            DeliveryMethod.Pickup when string.IsNullOrWhiteSpace(recipient) || !ChineseIdNumber.IsValid(recipientId, clock.Today()) => l["Delivery.PickupNeedsId"].Value,
            // Someone other than the applicant collects only with a checked authorisation (委托书).
            DeliveryMethod.Pickup when ChineseIdNumber.Normalize(recipientId!) != found.ApplicantIdNumber && !request.Authorised => l["Delivery.NotTheApplicant"].Value,
            DeliveryMethod.Courier when string.IsNullOrWhiteSpace(courier) || string.IsNullOrWhiteSpace(tracking) || string.IsNullOrWhiteSpace(recipient) || string.IsNullOrWhiteSpace(address) => l["Delivery.CourierNeedsAll"].Value,
            DeliveryMethod.Electronic when found.ApplicantUserId is null => l["Delivery.NoWallet"].Value,
            DeliveryMethod.Pickup or DeliveryMethod.Courier or DeliveryMethod.Electronic => null,
            _ => l["Delivery.ChooseMethod"].Value,
        };
        if (error is not null)
        {
            return new DeliveryOutcome(true, error);
        }

        var now = clock.GetUtcNow();
        found.RecordDelivery(
            method,
            clerk.StaffId,
            byMandate ? clerk.Name : (recipient ?? found.ApplicantName).Trim(),
            method == DeliveryMethod.Pickup && !byMandate ? ChineseIdNumber.Normalize(recipientId!) : "",
            (courier ?? "").Trim(),
            (tracking ?? "").Trim(),
            (address ?? "").Trim(),
            now);
        var note = method switch
        {
            _ when byMandate => l["Custody.ByMandateNote", clerk.Name, request.AgentMandateNumber, clerk.HallName ?? ""].Value,
            DeliveryMethod.Pickup when parcel is not null => l["Custody.PickedUpNote", NameMask.Mask(found.DeliveryRecipient, false), clerk.HallName ?? ""].Value,
            DeliveryMethod.Courier => l["Delivery.CourierNote", found.CourierCompany, found.TrackingNumber].Value,
            DeliveryMethod.Electronic => l["Delivery.ElectronicNote"].Value,
            _ => l["Delivery.PickupNote", NameMask.Mask(found.DeliveryRecipient, false)].Value,
        };
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (parcel is not null)
        {
            parcel.HandOver(now);
            db.Add(new Custody.CustodyMove { ParcelId = parcel.Id, At = now.ToUniversalTime(), State = parcel.State, StaffId = clerk.StaffId, ByName = clerk.Name, Place = clerk.HallName ?? "", Note = found.DeliveryRecipient });
        }

        await closure.CloseAsync(found, CaseState.Completed, now, note, c => CaseStep.By(c, StepActions.Delivered, clerk, now, note), ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation("Result of case {CaseNumber} delivered ({Method}) by staff {StaffId}", found.Number, method, clerk.StaffId);
        return new DeliveryOutcome(true, null);
    }
}
