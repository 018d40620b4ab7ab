using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Custody;

/// <summary>
/// Where a member of staff stands for custody: their hall (a clerk's window; an agent's village station) or their
/// department (a reviewer's), with the placement the timeline names them by.
/// </summary>
public sealed record CustodyPlace(StaffPlacement Staff, Guid UserId, Guid? HallId, string HallName, Guid? DepartmentId)
{
    public bool Holds(CustodyParcel p) => (p.FromHallId is { } h && h == HallId) || (p.FromDepartmentId is { } d && d == DepartmentId);

    public bool Awaits(CustodyParcel p) => (p.ToHallId is { } h && h == HallId) || (p.ToDepartmentId is { } d && d == DepartmentId);

    /// <summary>The placement a timeline step names: an agent by their station.</summary>
    public StaffPlacement Named => Staff.HallId is null && HallId is not null ? Staff with { HallName = HallName } : Staff;
}

public enum CustodyAction
{
    Send = 1,
    Receive = 2,
    Archive = 3,
}

public sealed record CustodyMoveRequest(Guid ParcelId, CustodyAction Action, ParcelCarrier? Carrier, string? Tracking);

/// <summary>What a move came to: no such parcel for this place, refused with a message (next to <see cref="Field"/>), or done.</summary>
public sealed record CustodyOutcome(bool Found, string? Error, string Field = "")
{
    /// <summary>Someone moved the parcel first (a race, or a post repeated): nothing done, the desk tells the user.</summary>
    public static readonly CustodyOutcome Lost = new(true, null) { MovedByOthers = true };

    public bool MovedByOthers { get; init; }

    public static readonly CustodyOutcome NotFound = new(false, null);
    public static readonly CustodyOutcome Done = new(true, null);
}

/// <summary>
/// 原件流转: the place that holds a parcel sends it (carrier and number), the place it is addressed to signs for it, and a
/// department files received originals in its archive. Each move is kept, goes on the applicant's timeline, and a result
/// arrived where they collect it is told to them. Two people moving one parcel at once: the first wins, the second is told.
/// </summary>
public sealed class MoveCustody(GovDbContext db, CaseReception reception, ApplicantNotices notices, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<MoveCustody> logger)
{
    public const int TrackingMax = 40;

    public async Task<CustodyOutcome> HandleAsync(CustodyMoveRequest request, CustodyPlace place, CancellationToken ct)
    {
        var parcel = await db.Set<CustodyParcel>().FirstOrDefaultAsync(p => p.Id == request.ParcelId, ct);
        if (parcel is null || !(request.Action == CustodyAction.Send ? place.Holds(parcel) : place.Awaits(parcel)))
        {
            return CustodyOutcome.NotFound;
        }

        var c = await db.Set<Case>().FirstAsync(x => x.Id == parcel.CaseId, ct);
        var now = clock.GetUtcNow();
        var tracking = (request.Tracking ?? "").Trim();
        string action;
        string note;
        switch (request.Action)
        {
            case CustodyAction.Send when parcel.State != ParcelState.Waiting:
            case CustodyAction.Receive when parcel.State != ParcelState.InTransit:
            case CustodyAction.Archive when parcel.State != ParcelState.Received || parcel.Kind != ParcelKind.Originals || place.DepartmentId is null:
                return CustodyOutcome.Lost;
            case CustodyAction.Send:
                if (request.Carrier is not (ParcelCarrier.Courier or ParcelCarrier.InternalMail or ParcelCarrier.ByHand))
                {
                    return new CustodyOutcome(true, l["Custody.Carrier.Required"], nameof(request.Carrier));
                }

                if (tracking.Length > TrackingMax || tracking.Contains('\0'))
                {
                    return new CustodyOutcome(true, l["Common.TooLong", TrackingMax], nameof(request.Tracking));
                }

                if (request.Carrier != ParcelCarrier.ByHand && tracking.Length == 0)
                {
                    return new CustodyOutcome(true, l["Custody.Tracking.Required"], nameof(request.Tracking));
                }

                parcel.Send(request.Carrier.Value, tracking, now, await reception.DueAsync(ct));
                action = parcel.Kind == ParcelKind.Originals ? StepActions.OriginalsSent : StepActions.ResultSent;
                note = l["Custody.SentNote", parcel.Contents, parcel.FromName, parcel.ToName, l[$"ParcelCarrier.{parcel.Carrier}"].Value, parcel.Tracking].Value;
                break;
            case CustodyAction.Receive:
                parcel.Receive(now);
                action = parcel.Kind == ParcelKind.Originals ? StepActions.OriginalsReceived : StepActions.ResultArrived;
                note = l["Custody.ReceivedNote", parcel.Contents, parcel.ToName].Value;
                break;
            default:
                parcel.Archive(now);
                action = StepActions.OriginalsArchived;
                note = l["Custody.ArchivedNote", parcel.Contents, parcel.ToName].Value;
                break;
        }

        db.Add(new CustodyMove { ParcelId = parcel.Id, At = now.ToUniversalTime(), State = parcel.State, StaffId = place.Staff.StaffId, ByName = place.Staff.Name, Place = place.HallName.Length > 0 ? place.HallName : place.Staff.DepartmentName ?? "", Note = parcel.Tracking });
        var step = CaseStep.By(c, action, place.Named, now, note);
        db.Add(step);
        await notices.TellAsync(c, step, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CustodyOutcome.Lost;
        }

        logger.LogInformation("Custody parcel {ParcelId} ({Kind}) of case {CaseNumber}: {Action} by staff {StaffId}", parcel.Id, parcel.Kind, c.Number, request.Action, place.Staff.StaffId);
        return CustodyOutcome.Done;
    }
}
