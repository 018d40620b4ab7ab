using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>A request with its contact log, its open cards, the case filed for it and the agent who holds it.</summary>
public sealed record RequestPage(AssistanceRequest Request, IReadOnlyList<RequestContact> Contacts, IReadOnlyList<RequestCard> Cards, CaseBrief? Case, AgentInfo? Agent, string Pool, IReadOnlyList<CaseBrief> CompanyCases);

/// <summary>A row of a list: the request, its open card colour (if any) and its case.</summary>
public sealed record RequestRow(AssistanceRequest Request, CardColour? Card, CaseBrief? Case);

/// <summary>The agent's desk: the pools they serve, what they hold, what they finished lately, and their live mandates.</summary>
public sealed record AgentDesk(AgentInfo Agent, string RegionName, IReadOnlyList<RequestRow> Pool, IReadOnlyList<RequestRow> Mine, IReadOnlyList<RequestRow> Finished, IReadOnlyList<Mandate> Mandates);

public sealed class RequestQueries(GovDbContext db, IRegionDirectory regions, ICaseBriefs cases)
{
    public async Task<AgentInfo?> AgentAsync(Guid userId, CancellationToken ct) =>
        (await regions.AgentsAsync(ct)).FirstOrDefault(a => a.UserId == userId);

    public async Task<IReadOnlyList<RequestRow>> OfCitizenAsync(Guid citizenUserId, CancellationToken ct) =>
        await RowsAsync(db.Set<AssistanceRequest>().Where(r => r.CitizenUserId == citizenUserId).OrderByDescending(r => r.RequestedAt).Take(100), ct);

    public async Task<RequestPage?> OfCitizenAsync(Guid citizenUserId, Guid id, CancellationToken ct) =>
        await db.Set<AssistanceRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.CitizenUserId == citizenUserId, ct) is { } request
            ? await PageAsync(request, ct)
            : null;

    public async Task<AgentDesk> DeskAsync(AgentInfo agent, DateOnly today, CancellationToken ct)
    {
        var all = await regions.RegionsAsync(ct);
        var served = all.Where(r => RequestRouting.Serves(agent.RegionId, r.Id, all)).Select(r => r.Id).ToList();
        var pool = await RowsAsync(db.Set<AssistanceRequest>().Where(r => r.State == RequestState.Waiting && served.Contains(r.PoolRegionId)).OrderBy(r => r.AcceptDueAt).Take(100), ct);
        var mine = await RowsAsync(db.Set<AssistanceRequest>().Where(r => r.AgentUserId == agent.UserId && (r.State == RequestState.Accepted || r.State == RequestState.Filed)).OrderBy(r => r.FileDueAt).Take(200), ct);
        var finished = await RowsAsync(db.Set<AssistanceRequest>().Where(r => r.AgentUserId == agent.UserId && (r.State == RequestState.Done || r.State == RequestState.Cancelled)).OrderByDescending(r => r.DoneAt).Take(20), ct);
        var mandates = await db.Set<Mandate>().AsNoTracking()
            .Where(m => m.AgentUserId == agent.UserId && m.State == MandateState.Granted && m.ExpiresOn >= today.AddDays(-30))
            .OrderBy(m => m.ExpiresOn).Take(200).ToListAsync(ct);
        return new AgentDesk(agent, all.FirstOrDefault(r => r.Id == agent.RegionId)?.Name ?? "", pool, mine, finished, mandates);
    }

    /// <summary>The request as the agent may see it (their region's or below while waiting, or theirs), else null.</summary>
    public async Task<RequestPage?> ForAgentAsync(AgentInfo agent, Guid id, CancellationToken ct)
    {
        var request = await db.Set<AssistanceRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !RequestRouting.VisibleTo(agent, request, await regions.RegionsAsync(ct)))
        {
            return null;
        }

        return await PageAsync(request, ct);
    }

    private async Task<RequestPage> PageAsync(AssistanceRequest request, CancellationToken ct)
    {
        var contacts = await db.Set<RequestContact>().AsNoTracking().Where(c => c.RequestId == request.Id).OrderBy(c => c.At).ToListAsync(ct);
        var cards = await db.Set<RequestCard>().AsNoTracking().Where(c => c.RequestId == request.Id).OrderBy(c => c.IssuedAt).ToListAsync(ct);
        var brief = request.CaseId is { } caseId && await cases.OfAsync([caseId], ct) is [var found, ..] ? found : null;
        var agent = request.AgentUserId is { } a ? (await regions.AgentsAsync(ct)).FirstOrDefault(x => x.UserId == a) : null;
        var pool = (await regions.RegionsAsync(ct)).FirstOrDefault(r => r.Id == request.PoolRegionId)?.Name ?? "";
        var company = request.Kind == RequestKind.CompanyHelp && request.State != RequestState.Waiting ? await cases.OfApplicantAsync(request.ApplicantIdNumber, ct) : [];
        return new RequestPage(request, contacts, cards, brief, agent, pool, company);
    }

    private async Task<IReadOnlyList<RequestRow>> RowsAsync(IQueryable<AssistanceRequest> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(r => new { Request = r, Card = db.Set<RequestCard>().Where(c => c.RequestId == r.Id && c.ClosedAt == null).Max(c => (CardColour?)c.Colour) })
            .ToListAsync(ct);
        var briefs = (await cases.OfAsync([.. rows.Where(r => r.Request.CaseId != null).Select(r => r.Request.CaseId!.Value)], ct)).ToDictionary(b => b.Id);
        return rows.Select(r => new RequestRow(r.Request, r.Card, r.Request.CaseId is { } id ? briefs.GetValueOrDefault(id) : null)).ToList();
    }
}
