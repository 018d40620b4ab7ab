using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Contracts;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Figures;

/// <summary>
/// The figures of <see cref="IAgentFigures"/>, grouped in the database by the level that accepted a request and its agent
/// (a request nobody accepted yet counts for the level it waits at, with no agent).
/// </summary>
internal sealed class AgentFigures(GovDbContext db, IRegionDirectory regions, IStringLocalizer<SharedResource> l) : IAgentFigures
{
    public async Task<AgentFigureSet> FiguresAsync(Guid regionId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var all = await regions.RegionsAsync(cancellationToken);
        var villages = all.Where(r => r.Tier == RegionTier.Village && RequestRouting.Serves(regionId, r.Id, all)).Select(r => (Guid?)r.Id).ToList();
        var county = all.Any(r => r.Id == regionId && r.Tier == RegionTier.County);
        var (start, end) = (ChinaTime.At(from, TimeOnly.MinValue), ChinaTime.At(to.AddDays(1), TimeOnly.MinValue));
        var inScope = db.Set<AssistanceRequest>().AsNoTracking()
            .Where(r => r.RequestedAt >= start && r.RequestedAt < end && (villages.Contains(r.VillageId) || (county && r.VillageId == null)));
        var counted = await inScope
            .GroupBy(r => new { Level = r.AcceptedAtLevel ?? r.Level, r.AgentName })
            .Select(g => new
            {
                g.Key.Level,
                g.Key.AgentName,
                Requests = g.Count(),
                Done = g.Count(r => r.State == RequestState.Done),
                OnTime = g.Count(r => r.State == RequestState.Done && r.OnTime == true),
                VisitsSaved = g.Sum(r => r.VisitsSaved),
                FollowUps = g.Count(r => r.FollowUp != null && r.FollowUp != FollowUpResult.NotReached),
                Satisfied = g.Count(r => r.FollowUp == FollowUpResult.Satisfied),
                Open = g.Count(r => r.State == RequestState.Waiting || r.State == RequestState.Accepted || r.State == RequestState.Filed),
            })
            .ToListAsync(cancellationToken);
        var red = await (from r in inScope
                         join c in db.Set<RequestCard>() on r.Id equals c.RequestId
                         where c.Colour == CardColour.Red && c.ClosedAt == null
                         group r by new { Level = r.AcceptedAtLevel ?? r.Level, r.AgentName } into g
                         select new { g.Key.Level, g.Key.AgentName, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = counted.Select(r => new
        {
            r.Level, r.AgentName, r.Requests, r.Done, r.OnTime, r.VisitsSaved, r.FollowUps, r.Satisfied, r.Open,
            RedCards = red.FirstOrDefault(x => x.Level == r.Level && x.AgentName == r.AgentName)?.Count ?? 0,
        }).ToList();
        var agents = rows.Where(r => r.AgentName != "")
            .OrderBy(r => r.Level).ThenBy(r => r.AgentName)
            .Select(r => new AgentFigureLine(l[$"AgentLevel.{r.Level}"].Value, r.AgentName, r.Requests, r.Done, r.OnTime, r.VisitsSaved, r.FollowUps, r.Satisfied, r.Open, r.RedCards))
            .ToList();
        var levels = Enum.GetValues<AgentLevel>()
            .Select(level => rows.Where(r => r.Level == level).ToList() is var of
                ? new AgentFigureLine(l[$"AgentLevel.{level}"].Value, "", of.Sum(r => r.Requests), of.Sum(r => r.Done), of.Sum(r => r.OnTime), of.Sum(r => r.VisitsSaved),
                    of.Sum(r => r.FollowUps), of.Sum(r => r.Satisfied), of.Sum(r => r.Open), of.Sum(r => r.RedCards))
                : null!)
            .ToList();
        return new AgentFigureSet(levels, agents);
    }
}
