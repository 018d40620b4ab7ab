using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Intake.Custody;

/// <summary>
/// 收受分离: where a case is received (a village station, a township window, the county centre), who handles it (the
/// deciding department) and where its result is collected; the hand-overs between them become parcels in custody and
/// steps on the applicant's timeline. Works in the caller's unit of work; the caller saves.
/// </summary>
public sealed class CaseReception(
    GovDbContext db,
    IOrganizationDirectory organization,
    IRegionDirectory regions,
    IWorkingCalendarProvider calendars,
    IOptions<CustodyOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The window that receives an agent's online filing: the township centre over the agent's village (or of the
    /// agent's own township) when the item may be received there; otherwise null, and the case goes to the hall
    /// responsible for the item's department, as a citizen's own filing does.
    /// </summary>
    public async Task<Guid?> HallForAgentAsync(Guid agentUserId, PublishedItem item, CancellationToken ct)
    {
        if (!item.ReceivingPlaces.Admit(HallKind.TownshipCentre) || await TownshipOfAgentAsync(agentUserId, ct) is not { } township)
        {
            return null;
        }

        return (await regions.HallsOfRegionAsync(township, ct)).FirstOrDefault(h => h.Kind == HallKind.TownshipCentre)?.Id;
    }

    /// <summary>The village station of an agent's village (where a result the agent may receive is collected), if the village has one.</summary>
    public async Task<HallInfo?> StationOfAgentAsync(Guid agentUserId, CancellationToken ct)
    {
        var agent = await organization.FindStaffAsync(agentUserId, ct);
        if (agent?.RegionId is not { } region)
        {
            return null;
        }

        return (await regions.HallsOfRegionAsync(region, ct)).FirstOrDefault(h => h.Kind == HallKind.VillageStation);
    }

    /// <summary>Whether a window of this hall may receive the item (通办范围 of the catalog).</summary>
    public async Task<bool> MayReceiveAsync(Guid? hallId, PublishedItem item, CancellationToken ct) =>
        hallId is { } id && (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == id) is { } hall && item.ReceivingPlaces.Admit(hall.Kind);

    /// <summary>
    /// A case accepted at a window away from its department (a township or village window for a county department): it is
    /// handed over electronically with its files (a step on the timeline), and the signed paper originals the window
    /// took in are put in custody, due to be sent to the department within the configured working days.
    /// </summary>
    public async Task OnAcceptedAsync(Case c, PublishedItem item, StaffPlacement clerk, IReadOnlyList<PublishedMaterial> materials, IReadOnlySet<int> received, CancellationToken ct)
    {
        var departmentHall = await organization.ResponsibleHallAsync(item.DepartmentId, ct);
        if (c.HallId is null || c.HallId == departmentHall)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var department = (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == item.DepartmentId);
        var departmentName = department?.Name ?? "";
        var hallName = clerk.HallName ?? "";
        db.Add(CaseStep.By(c, StepActions.HandedToDepartment, clerk, now, l["Custody.HandedNote", hallName, departmentName]));

        // Identity papers and licences are checked and given back at the counter; what stays is the signed paper.
        var originals = materials.Where(m => received.Contains(m.Position) && m.Originals > 0 && string.IsNullOrEmpty(m.LicenceType)).ToList();
        if (originals.Count == 0)
        {
            return;
        }

        var contents = string.Join("、", originals.Select(m => l["Custody.OriginalsOf", m.Name, m.Originals].Value));
        db.Add(CustodyParcel.Open(c.Id, ParcelKind.Originals, Clip(contents), (c.HallId, null, hallName), (null, item.DepartmentId, departmentName), now, await DueAsync(ct)));
    }

    /// <summary>
    /// An approved case whose result is collected at another place than the window that received it (the agent's village
    /// station): the result is put in custody at the receiving window, due to be sent on.
    /// </summary>
    public async Task OnAwaitingDeliveryAsync(Case c, CancellationToken ct)
    {
        if (c.CollectingHallId is not { } collecting || c.HallId is not { } receiving || collecting == receiving)
        {
            return;
        }

        var halls = (await organization.HallsAsync(ct)).ToDictionary(h => h.Id, h => h.Name);
        var contents = l["Custody.ResultOf", c.ItemName, c.DecisionNumber ?? ""].Value;
        db.Add(CustodyParcel.Open(c.Id, ParcelKind.Result, Clip(contents), (receiving, null, halls.GetValueOrDefault(receiving, "")), (collecting, null, halls.GetValueOrDefault(collecting, "")),
            clock.GetUtcNow(), await DueAsync(ct)));
    }

    /// <summary>The day a leg of a parcel's journey that starts today is due.</summary>
    public async Task<DateOnly> DueAsync(CancellationToken ct) =>
        (await calendars.GetAsync(ct)).AddWorkingDays(clock.Today(), Math.Max(1, options.Value.MoveWorkingDays)).End;

    private async Task<Guid?> TownshipOfAgentAsync(Guid agentUserId, CancellationToken ct)
    {
        var agent = await organization.FindStaffAsync(agentUserId, ct);
        if (agent?.RegionId is not { } regionId)
        {
            return null;
        }

        var all = await regions.RegionsAsync(ct);
        var region = all.FirstOrDefault(r => r.Id == regionId);
        return region?.Tier switch
        {
            RegionTier.Village => region.ParentId,
            RegionTier.Township => region.Id,
            _ => null,
        };
    }

    private static string Clip(string text) => text.Length <= ContentsMax ? text : text[..(ContentsMax - 1)] + "…";

    public const int ContentsMax = 300;
}
