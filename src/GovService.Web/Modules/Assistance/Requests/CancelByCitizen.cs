using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>The citizen withdraws their request before it is filed; the agent holding it is told.</summary>
public sealed class CancelByCitizen(GovDbContext db, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<WorkOutcome> RunAsync(Guid citizenUserId, Guid id, CancellationToken ct)
    {
        var request = await db.Set<AssistanceRequest>().FirstOrDefaultAsync(r => r.Id == id && r.CitizenUserId == citizenUserId, ct);
        if (request is null)
        {
            return WorkOutcome.NotFound;
        }

        if (request.State is not (RequestState.Waiting or RequestState.Accepted))
        {
            return new WorkOutcome(true, l["Assistance.NotCancellable"]);
        }

        request.Cancel(l["Assistance.CancelledByCitizen"], clock.GetUtcNow());
        if (request.AgentUserId is { } agent)
        {
            await notifications.PostAsync([new Notice($"assist-cancelled:{request.Id}:agent", agent, null, l["Assistance.Notice.CancelledTitle", request.Number], l["Assistance.CancelledByCitizen"], $"/agent/requests/{request.Id}")], ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WorkOutcome(true, l["Common.ConcurrentEdit"]);
        }

        return WorkOutcome.Done;
    }
}
