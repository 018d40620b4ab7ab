using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Hall.Calling;

public enum DeskAction
{
    Recall = 1,
    Absent = 2,
    Start = 3,
    Finish = 4,
    Transfer = 5,
}

/// <summary>
/// The window's actions on the ticket it has called (重呼, 过号, 开始办理, 办结, 转移): one transition of
/// <see cref="Ticket"/> each, refused when the ticket is not this window's or not in a state that allows it; a
/// concurrent change of the same ticket (two tabs of the panel) loses on its row version. Then the screens and the
/// window's rating device are told.
/// </summary>
public sealed class TicketActions(GovDbContext db, HallBroadcast broadcast, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<DeskResult> RunAsync(WindowInfo window, Guid ticketId, DeskAction action, WindowCategory? transferTo, IReadOnlyCollection<WindowCategory> hallCategories, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.WindowId == window.Id, ct);
        if (ticket is null || !ticket.IsActive)
        {
            return new DeskResult(null, l["Hall.NotAtThisWindow"]);
        }

        if (action == DeskAction.Transfer && (transferTo is not { } target || target == ticket.Category || !hallCategories.Contains(target)))
        {
            return new DeskResult(ticket, l["Hall.TransferTargetInvalid"]);
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        try
        {
            switch (action)
            {
                case DeskAction.Recall: ticket.Recall(now); break;
                case DeskAction.Absent: ticket.MarkAbsent(now); break;
                case DeskAction.Start: ticket.Start(now); break;
                case DeskAction.Finish: ticket.Finish(now); break;
                case DeskAction.Transfer: ticket.Transfer(transferTo!.Value, now); break;
                default: return new DeskResult(ticket, l["Hall.NotAtThisWindow"]);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is TicketTransitionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new DeskResult(null, l["Hall.TicketChanged"]);
        }

        switch (action)
        {
            case DeskAction.Recall: await broadcast.CalledAsync(ticket, ct); break;
            case DeskAction.Finish: await broadcast.FinishedAsync(window.Id, ticket, ct); await broadcast.QueueChangedAsync(ticket.HallId, ct); break;
            case DeskAction.Start: break;
            default: await broadcast.IdleAsync(window.Id, ct); await broadcast.QueueChangedAsync(ticket.HallId, ct); break;
        }

        return new DeskResult(ticket);
    }

    /// <summary>过号后回来: an absent ticket of the hall goes back to the end of its queue, once.</summary>
    public async Task<DeskResult> RequeueAsync(Guid hallId, Guid ticketId, CancellationToken ct)
    {
        var today = clock.Today();
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.HallId == hallId && t.Day == today, ct);
        if (ticket is null)
        {
            return new DeskResult(null) { Missing = true };
        }

        if (ticket.State != TicketState.NoShow || ticket.Requeued)
        {
            return new DeskResult(null, l["Hall.RequeueOnce"]);
        }

        try
        {
            ticket.Requeue(clock.GetUtcNow().ToUniversalTime());
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new DeskResult(null, l["Hall.RequeueOnce"]);
        }

        await broadcast.QueueChangedAsync(hallId, ct);
        return new DeskResult(ticket);
    }
}
