using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>What an action on a request came to: not the agent's to see (404), refused with a message, or done.</summary>
public sealed record WorkOutcome(bool Found, string? Error)
{
    public static readonly WorkOutcome NotFound = new(false, null);
    public static readonly WorkOutcome Done = new(true, null);
}

/// <summary>
/// An agent's work on a request: 接单 (of any number of agents accepting at once exactly one wins, by the row's version),
/// the contact log, closing a 帮办, cancelling. An agent sees a request of their own region or of one below it
/// (a township's agent a village's), and a request they hold; any other answers 404.
/// </summary>
public sealed class WorkOnRequest(GovDbContext db, RequestRouting routing, IRegionDirectory regions, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<WorkOutcome> AcceptAsync(AgentInfo agent, Guid requestId, CancellationToken ct) =>
        await ChangeAsync(agent, requestId, async request =>
        {
            if (request.State != RequestState.Waiting)
            {
                return l["Assistance.TakenAlready"];
            }

            var now = clock.GetUtcNow();
            request.Accept(agent.UserId, agent.Name, now, request.Kind == RequestKind.CompanyHelp ? null : await routing.FileDueAsync(now, ct));
            var kind = l[$"RequestKind.{request.Kind}"].Value;
            await notifications.PostAsync(
            [
                new Notice($"assist-accepted:{request.Id}", request.CitizenUserId, request.Mobile, l["Assistance.Notice.AcceptedTitle", kind, request.Number],
                    l["Assistance.Notice.AcceptedBody", agent.Name, agent.Title, agent.Phone, request.Subject], request.CitizenUserId is null ? "" : $"/my/assistance/{request.Id}",
                    l["Assistance.Notice.AcceptedSms", kind, agent.Name, agent.Phone]),
            ], ct);
            return null;
        }, ct);

    public async Task<WorkOutcome> LogContactAsync(AgentInfo agent, Guid requestId, ContactWay way, string? note, CancellationToken ct)
    {
        var text = note?.Trim() ?? "";
        if (!Enum.IsDefined(way) || text.Length is 0 or > 500)
        {
            return await FindAsync(agent, requestId, ct) is null ? WorkOutcome.NotFound : new WorkOutcome(true, l["Assistance.Contact.NoteRequired"]);
        }

        return await ChangeAsync(agent, requestId, request =>
        {
            if (request.AgentUserId != agent.UserId || !request.IsOpen)
            {
                return Task.FromResult<string?>(l["Assistance.NotYours"]);
            }

            db.Add(new RequestContact { RequestId = request.Id, At = clock.GetUtcNow(), Way = way, ByName = agent.Name, Note = text });
            return Task.FromResult<string?>(null);
        }, ct);
    }

    /// <summary>帮办 closed by its helper, with what came of it.</summary>
    public async Task<WorkOutcome> CloseHelpAsync(AgentInfo agent, Guid requestId, string? outcome, CancellationToken ct)
    {
        var text = outcome?.Trim() ?? "";
        return await ChangeAsync(agent, requestId, async request =>
        {
            if (request.AgentUserId != agent.UserId || request.Kind != RequestKind.CompanyHelp || request.State != RequestState.Accepted)
            {
                return l["Assistance.NotYours"];
            }

            if (text.Length is 0 or > 500)
            {
                return l["Assistance.Outcome.Required"];
            }

            request.Finish(text, clock.GetUtcNow());
            await notifications.PostAsync(
            [
                new Notice($"assist-done:{request.Id}", request.CitizenUserId, request.Mobile, l["Assistance.Notice.DoneTitle", l[$"RequestKind.{request.Kind}"].Value, request.Number],
                    text, request.CitizenUserId is null ? "" : $"/my/assistance/{request.Id}"),
            ], ct);
            return null;
        }, ct);
    }

    /// <summary>The holding agent cancels a request not yet filed (the citizen withdrew it at the station or by phone).</summary>
    public async Task<WorkOutcome> CancelAsync(AgentInfo agent, Guid requestId, string? reason, CancellationToken ct)
    {
        var text = reason?.Trim() ?? "";
        return await ChangeAsync(agent, requestId, async request =>
        {
            if (request.AgentUserId != agent.UserId || request.State != RequestState.Accepted)
            {
                return l["Assistance.NotYours"];
            }

            if (text.Length is 0 or > 500)
            {
                return l["Assistance.Reason.Required"];
            }

            request.Cancel(text, clock.GetUtcNow());
            await notifications.PostAsync(
            [
                new Notice($"assist-cancelled:{request.Id}", request.CitizenUserId, request.Mobile, l["Assistance.Notice.CancelledTitle", request.Number], text,
                    request.CitizenUserId is null ? "" : $"/my/assistance/{request.Id}"),
            ], ct);
            return null;
        }, ct);
    }

    /// <summary>The request as the agent may see it, tracked; null when it is not theirs to see.</summary>
    public async Task<AssistanceRequest?> FindAsync(AgentInfo agent, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<AssistanceRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        return request is not null && RequestRouting.VisibleTo(agent, request, await regions.RegionsAsync(ct)) ? request : null;
    }

    private async Task<WorkOutcome> ChangeAsync(AgentInfo agent, Guid requestId, Func<AssistanceRequest, Task<string?>> change, CancellationToken ct)
    {
        var request = await FindAsync(agent, requestId, ct);
        if (request is null)
        {
            return WorkOutcome.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await change(request) is { } error)
        {
            return new WorkOutcome(true, error);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another agent accepted it (or the watch escalated it) a moment before: theirs stands.
            db.ChangeTracker.Clear();
            return new WorkOutcome(true, l["Assistance.TakenAlready"]);
        }

        return WorkOutcome.Done;
    }
}
