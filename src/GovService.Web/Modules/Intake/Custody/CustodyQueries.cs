using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Custody;

/// <summary>A parcel as the custody desk lists it, with its case and whether its leg is overdue.</summary>
public sealed record CustodyRow(CustodyParcel Parcel, string CaseNumber, string ItemName, string ApplicantName, string ApplicantIdNumber, Guid CaseId, bool Overdue, bool CanHandOver);

/// <summary>The desk: what this place must send, sign for, file, and (a collecting station) hand over; and what it moved lately.</summary>
public sealed record CustodyPage(CustodyPlace Place, IReadOnlyList<CustodyRow> ToSend, IReadOnlyList<CustodyRow> ToReceive, IReadOnlyList<CustodyRow> Held, IReadOnlyList<CustodyRow> Done);

/// <summary>The custody desk as read, and the place of the signed-in member of staff.</summary>
public sealed class CustodyQueries(GovDbContext db, IOrganizationDirectory organization, CaseReception reception, TimeProvider clock)
{
    /// <summary>
    /// The place the signed-in member of staff moves parcels for: a clerk's hall, a reviewer's department, an agent's
    /// village station; null for anyone else.
    /// </summary>
    public async Task<CustodyPlace?> PlaceOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || await organization.FindStaffAsync(userId, ct) is not { } staff)
        {
            return null;
        }

        if (staff.HallId is { } hall)
        {
            return new CustodyPlace(staff, userId, hall, staff.HallName ?? "", staff.DepartmentId);
        }

        if (staff.Role == Roles.Agent && await reception.StationOfAgentAsync(userId, ct) is { } station)
        {
            return new CustodyPlace(staff, userId, station.Id, station.Name, null);
        }

        return staff.DepartmentId is not null ? new CustodyPlace(staff, userId, null, "", staff.DepartmentId) : null;
    }

    public async Task<CustodyPage> PageAsync(CustodyPlace place, CancellationToken ct)
    {
        var hall = place.HallId;
        var department = place.DepartmentId;
        var rows = await (from p in db.Set<CustodyParcel>().AsNoTracking()
                          join c in db.Set<Case>() on p.CaseId equals c.Id
                          where (hall != null && (p.FromHallId == hall || p.ToHallId == hall)) || (department != null && (p.FromDepartmentId == department || p.ToDepartmentId == department))
                          orderby p.OpenedAt
                          select new { Parcel = p, c.Number, c.ItemName, c.ApplicantName, c.ApplicantIdNumber, c.Id, c.State })
            .Take(500)
            .ToListAsync(ct);
        var today = clock.Today();
        var all = rows.Select(r => new CustodyRow(r.Parcel, r.Number ?? "", r.ItemName, r.ApplicantName, r.ApplicantIdNumber, r.Id, r.Parcel.IsOverdue(today),
            r.Parcel.Kind == ParcelKind.Result && r.Parcel.State == ParcelState.Received && r.State == Contracts.CaseState.AwaitingDelivery && place.Awaits(r.Parcel))).ToList();
        return new CustodyPage(
            place,
            all.Where(r => r.Parcel.State == ParcelState.Waiting && place.Holds(r.Parcel)).ToList(),
            all.Where(r => r.Parcel.State == ParcelState.InTransit && place.Awaits(r.Parcel)).ToList(),
            all.Where(r => r.Parcel.State == ParcelState.Received && place.Awaits(r.Parcel)).ToList(),
            all.Where(r => r.Parcel.State is ParcelState.Archived or ParcelState.HandedOver || (r.Parcel.State == ParcelState.InTransit && place.Holds(r.Parcel)))
                .OrderByDescending(r => r.Parcel.ClosedAt ?? r.Parcel.SentAt).Take(50).ToList());
    }

    /// <summary>A case's parcels, for its pages (oldest first).</summary>
    public async Task<IReadOnlyList<CustodyParcel>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<CustodyParcel>().AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.OpenedAt).ToListAsync(ct);
}
