using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Assistance.Jobs;

public sealed record WatchResult(int Escalated, int YellowCards, int RedCards, int Closed);

/// <summary>
/// <c>assistance.deadline-watch</c> (every five minutes): a request nobody of its level accepted by its accept time goes up a
/// level (村 → 乡镇 → 县) with a new accept time and the new pool told; at the county it stays and is carded. The steps'
/// deadlines get cards like a case's steps — yellow once <see cref="AssistanceOptions.YellowPercent"/> of the step's
/// time has passed, red when it is over — once per step and colour (a unique index: reruns and concurrent runs are
/// harmless); a red card tells the supervisors over the village and the agent. Cards of finished steps close.
/// </summary>
public sealed class RequestDeadlineWatch(
    GovDbContext db,
    RequestRouting routing,
    IRegionDirectory regions,
    IOrganizationDirectory organization,
    INotifications notifications,
    IOptions<AssistanceOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<RequestDeadlineWatch> logger)
{
    public const string RecurringId = "assistance.deadline-watch";

    public async Task<WatchResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var escalated = 0;
        var overdue = await db.Set<AssistanceRequest>()
            .Where(r => r.State == RequestState.Waiting && r.Level != AgentLevel.County && r.AcceptDueAt <= now)
            .OrderBy(r => r.AcceptDueAt).Take(500).ToListAsync(ct);
        var agents = await regions.AgentsAsync(ct);
        foreach (var request in overdue)
        {
            if (await routing.NextAsync(request.Level, request.PoolRegionId, ct) is not { } up)
            {
                continue;
            }

            request.OfferTo(up.Level, up.RegionId, await routing.AcceptDueAsync(now, ct), now);
            await notifications.PostAsync([.. agents.Where(a => a.RegionId == up.RegionId).Select(a =>
                new Notice($"assist-pool:{request.Id}:{a.UserId}", a.UserId, null, l["Assistance.Notice.EscalatedTitle", request.Number, l[$"AgentLevel.{up.Level}"].Value],
                    l["Assistance.Notice.PoolBody", request.ApplicantName, request.Subject], $"/agent/requests/{request.Id}"))], ct);
            escalated++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An agent accepted one of them meanwhile: that acceptance stands, the next run sees the rest.
            db.ChangeTracker.Clear();
            escalated = 0;
        }

        var (yellow, red) = await CardAsync(now, ct);
        // A step that is over (accepted, filed, done or cancelled) keeps its cards as history, closed.
        var closed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE gov.asv_request_cards c SET closed_at = {now}
            FROM gov.asv_requests r
            WHERE c.request_id = r.id AND c.closed_at IS NULL
              AND ((c.step = {(int)RequestStep.Accept} AND r.state <> {(int)RequestState.Waiting})
                OR (c.step = {(int)RequestStep.File} AND r.state <> {(int)RequestState.Accepted}))
            """, ct);
        if (escalated + yellow + red + closed > 0)
        {
            logger.LogInformation("代办 watch: {Escalated} escalated, {Yellow} yellow and {Red} red cards, {Closed} closed", escalated, yellow, red, closed);
        }

        return new WatchResult(escalated, yellow, red, closed);
    }

    /// <summary>Cards on the county's unaccepted requests and on accepted ones not yet filed.</summary>
    private async Task<(int Yellow, int Red)> CardAsync(DateTimeOffset now, CancellationToken ct)
    {
        var share = Math.Clamp(options.Value.YellowPercent, 1, 99) / 100.0;
        var open = await db.Set<AssistanceRequest>().AsNoTracking()
            .Where(r => (r.State == RequestState.Waiting && r.Level == AgentLevel.County) || (r.State == RequestState.Accepted && r.FileDueAt != null))
            .Select(r => new { r.Id, r.Number, r.State, r.RequestedAt, r.EscalatedAt, r.AcceptDueAt, r.AcceptedAt, r.FileDueAt, r.VillageId, r.AgentUserId, r.Subject, r.ApplicantName })
            .Take(5000).ToListAsync(ct);
        var (yellow, red) = (0, 0);
        var supervisors = await organization.SupervisorsAsync(ct);
        var all = await regions.RegionsAsync(ct);
        foreach (var r in open)
        {
            var (step, from, due) = r.State == RequestState.Waiting
                ? (RequestStep.Accept, r.EscalatedAt ?? r.RequestedAt, r.AcceptDueAt)
                : (RequestStep.File, r.AcceptedAt!.Value, r.FileDueAt!.Value);
            var colour = now >= due ? CardColour.Red : now >= from + ((due - from) * share) ? CardColour.Yellow : (CardColour?)null;
            if (colour is not { } c)
            {
                continue;
            }

            var issued = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO gov.asv_request_cards (id, request_id, step, colour, issued_at)
                VALUES ({Guid.CreateVersion7()}, {r.Id}, {(int)step}, {(int)c}, {now})
                ON CONFLICT (request_id, step, colour) DO NOTHING
                """, ct);
            if (issued == 0)
            {
                continue;
            }

            if (c == CardColour.Yellow)
            {
                yellow++;
                continue;
            }

            red++;
            var over = supervisors.Where(s => r.VillageId is { } v ? RequestRouting.Serves(s.RegionId, v, all) : all.Any(x => x.Id == s.RegionId && x.Tier == RegionTier.County));
            var title = l["Assistance.Notice.RedTitle", r.Number, l[$"RequestStep.{step}"].Value].Value;
            var body = l["Assistance.Notice.RedBody", r.ApplicantName, r.Subject].Value;
            await notifications.PostAsync([.. over.Select(s => new Notice($"assist-red:{r.Id}:{step}:{s.UserId}", s.UserId, null, title, body, "/supervision/assistance")),
                .. r.AgentUserId is { } agent ? [new Notice($"assist-red:{r.Id}:{step}:{agent}", agent, null, title, body, $"/agent/requests/{r.Id}")] : Array.Empty<Notice>()], ct);
        }

        return (yellow, red);
    }
}
