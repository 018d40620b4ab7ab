using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>
/// A filed 代办 is done when its case ends (delivered, or ended without a result), in the closing transaction: its
/// on-time verdict and the visits it saved are fixed, its open cards close, and the citizen is told.
/// </summary>
internal sealed class FinishWithCase(GovDbContext db, INotifications notifications, IStringLocalizer<SharedResource> l) : ICaseClosedHandler
{
    public async Task<string?> OnClosedAsync(CaseClosed closed, CancellationToken cancellationToken)
    {
        var requests = await db.Set<AssistanceRequest>().Where(r => r.CaseId == closed.CaseId && r.State == RequestState.Filed).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            var outcome = l[$"CaseEnding.{closed.Ending}"].Value;
            request.Finish(outcome, closed.At, closed.Number);
            await db.Set<RequestCard>().Where(c => c.RequestId == request.Id && c.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, closed.At), cancellationToken);
            await notifications.PostAsync(
            [
                new Notice($"assist-done:{request.Id}", request.CitizenUserId, request.Mobile, l["Assistance.Notice.DoneTitle", l[$"RequestKind.{request.Kind}"].Value, request.Number],
                    l["Assistance.Notice.DoneBody", request.Subject, closed.Number, outcome], request.CitizenUserId is null ? "" : $"/my/assistance/{request.Id}"),
            ], cancellationToken);
        }

        return null;
    }
}
