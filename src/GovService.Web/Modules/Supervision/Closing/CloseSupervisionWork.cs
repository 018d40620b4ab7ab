using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Closing;

/// <summary>
/// A case has ended: its open cards close (kept as history, so the deadline sweep never cards it again) and a 督办
/// not yet settled closes as moot with the reason, in the closing transaction. Nothing of this reaches the
/// applicant's timeline: cards and orders are the supervisors' business.
/// </summary>
internal sealed class CloseSupervisionWork(GovDbContext db, IStringLocalizer<SharedResource> l) : ICaseClosedHandler
{
    public async Task<string?> OnClosedAsync(CaseClosed closed, CancellationToken cancellationToken)
    {
        var at = closed.At;
        foreach (var card in await db.Set<Card>().Where(k => k.CaseId == closed.CaseId && k.ClosedAt == null).ToListAsync(cancellationToken))
        {
            card.ClosedAt = at;
        }

        var reason = l["CaseClosed.OrderMoot", l[$"CaseClosed.Work.{closed.Ending}"].Value].Value;
        foreach (var order in (await db.Set<SupervisionOrder>()
                     .Where(o => o.CaseId == closed.CaseId && o.State != OrderState.Closed && o.State != OrderState.Moot).ToListAsync(cancellationToken))
                     .Where(o => !o.IsSettled))
        {
            order.CloseAsMoot(reason, at);
        }

        return null;
    }
}
