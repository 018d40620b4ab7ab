using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Intake.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Hall.ToCase;

/// <summary>
/// 从取号到办件: the case window intake made from a ticket keeps it, in the intake transaction — only the ticket the
/// same clerk is serving now, and only once (a forged or stale ticket id changes nothing and the intake goes on).
/// </summary>
internal sealed class KeepTicketWithCase(GovDbContext db, ILogger<KeepTicketWithCase> logger) : ICaseTakenInHandler
{
    public async Task OnTakenInAsync(CaseTakenIn taken, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == taken.TicketId, cancellationToken);
        if (ticket is null || !ticket.LinkCase(taken.CaseId, taken.ClerkStaffId))
        {
            logger.LogWarning("Case {CaseId} named ticket {TicketId}, which its clerk is not serving: not linked", taken.CaseId, taken.TicketId);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
