using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>A level of the network and the region whose agents serve it.</summary>
public sealed record Pool(AgentLevel Level, Guid RegionId, string RegionName);

/// <summary>
/// Which agents a request goes to (村代收、乡镇转办、县审批): a villager's 代办 or 上门办 to the agents of their village, a
/// company's 帮办 to the county's helpers (首席服务官). A level whose agents all hold <see cref="AssistanceOptions.AgentOpenLimit"/>
/// open requests, or that has no agent, is passed over at once; a level whose agents do not accept within
/// <see cref="AssistanceOptions.AcceptWithinWorkingHours"/> office hours hands the request up (<see cref="NextAsync"/>).
/// </summary>
public sealed class RequestRouting(GovDbContext db, IRegionDirectory regions, IWorkingCalendarProvider calendars, IOptions<AssistanceOptions> options)
{
    public async Task<Pool> FirstAsync(RequestKind kind, Guid? villageId, CancellationToken ct)
    {
        var all = await regions.RegionsAsync(ct);
        var county = all.First(r => r.Tier == RegionTier.County);
        var village = all.FirstOrDefault(r => r.Id == villageId && r.Tier == RegionTier.Village);
        if (kind == RequestKind.CompanyHelp || village is null)
        {
            return new Pool(AgentLevel.County, county.Id, county.Name);
        }

        return await FreeAsync(new Pool(AgentLevel.Village, village.Id, village.Name), all, ct);
    }

    /// <summary>The level above (null at the county, where a request waits and is carded).</summary>
    public async Task<Pool?> NextAsync(AgentLevel level, Guid regionId, CancellationToken ct)
    {
        if (level == AgentLevel.County)
        {
            return null;
        }

        var all = await regions.RegionsAsync(ct);
        return Up(new Pool(level, regionId, ""), all) is { } up ? await FreeAsync(up, all, ct) : null;
    }

    /// <summary>The moment a level's agents must have accepted by, counted from <paramref name="from"/>.</summary>
    public async Task<DateTimeOffset> AcceptDueAsync(DateTimeOffset from, CancellationToken ct) =>
        WorkingHours.Add(await calendars.GetAsync(ct), from, Math.Max(0.5, options.Value.AcceptWithinWorkingHours));

    /// <summary>The moment an accepted request must be filed by.</summary>
    public async Task<DateTimeOffset> FileDueAsync(DateTimeOffset acceptedAt, CancellationToken ct) =>
        WorkingHours.Add(await calendars.GetAsync(ct), acceptedAt, Math.Max(1, options.Value.FileWithinWorkingDays) * WorkingHours.PerDay);

    /// <summary>The pool itself when one of its agents is free, else the first level above with one (the county at last).</summary>
    private async Task<Pool> FreeAsync(Pool pool, IReadOnlyList<RegionInfo> all, CancellationToken ct)
    {
        var agents = await regions.AgentsAsync(ct);
        var limit = Math.Max(1, options.Value.AgentOpenLimit);
        for (var p = pool; ; p = Up(p, all)!)
        {
            if (p.Level == AgentLevel.County)
            {
                return p;
            }

            var here = agents.Where(a => a.RegionId == p.RegionId).Select(a => (Guid?)a.UserId).ToList();
            if (here.Count > 0)
            {
                var busy = await db.Set<AssistanceRequest>()
                    .Where(r => here.Contains(r.AgentUserId) && (r.State == RequestState.Accepted || r.State == RequestState.Filed))
                    .GroupBy(r => r.AgentUserId)
                    .Where(g => g.Count() >= limit)
                    .CountAsync(ct);
                if (busy < here.Count)
                {
                    return p;
                }
            }
        }
    }

    private static Pool? Up(Pool pool, IReadOnlyList<RegionInfo> all)
    {
        var region = all.FirstOrDefault(r => r.Id == pool.RegionId);
        var parent = all.FirstOrDefault(r => r.Id == region?.ParentId) ?? all.First(r => r.Tier == RegionTier.County);
        return pool.Level == AgentLevel.County ? null : new Pool(parent.Tier == RegionTier.Township ? AgentLevel.Township : AgentLevel.County, parent.Id, parent.Name);
    }

    /// <summary>
    /// Whether an agent sees a request and may act on it: the one who accepted it, or, while it waits, any agent whose
    /// region is the request's pool or above it. The desk's pages and every action ask this one rule.
    /// </summary>
    public static bool VisibleTo(AgentInfo agent, AssistanceRequest request, IReadOnlyList<RegionInfo> all) =>
        request.AgentUserId == agent.UserId || (request.State == RequestState.Waiting && Serves(agent.RegionId, request.PoolRegionId, all));

    /// <summary>Whether an agent of <paramref name="agentRegion"/> may take a request of <paramref name="poolRegion"/>: their own region's, or one below it.</summary>
    public static bool Serves(Guid agentRegion, Guid poolRegion, IReadOnlyList<RegionInfo> all)
    {
        for (var r = all.FirstOrDefault(x => x.Id == poolRegion); r is not null; r = all.FirstOrDefault(x => x.Id == r.ParentId))
        {
            if (r.Id == agentRegion)
            {
                return true;
            }
        }

        return false;
    }
}
