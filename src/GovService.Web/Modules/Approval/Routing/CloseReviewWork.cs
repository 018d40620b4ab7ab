using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Routing;

/// <summary>
/// A case has ended (撤回, 终止, 不予许可 …): the back office's work for it closes in the same transaction. Steps still
/// waiting or in a queue are cancelled with the reason (claims end, the action is recorded), running pauses of the
/// clock end on the day, extension requests not yet decided are refused, and a second-补正 request waiting for a
/// supervisor is withdrawn. The clock's history stays.
/// </summary>
internal sealed class CloseReviewWork(GovDbContext db, IStringLocalizer<SharedResource> l) : ICaseClosedHandler
{
    public async Task<string?> OnClosedAsync(CaseClosed closed, CancellationToken cancellationToken)
    {
        var reason = l[$"CaseClosed.Work.{closed.Ending}"].Value;
        var at = closed.At;
        // Filtered in memory: the caller may have changed a loaded step already (the deciding step is Decided by now).
        var tasks = (await db.Set<ReviewTask>().Where(t => t.CaseId == closed.CaseId && (t.State == TaskState.Waiting || t.State == TaskState.Open)).ToListAsync(cancellationToken))
            .Where(t => t.IsPending).ToList();
        foreach (var task in tasks)
        {
            var wasOpen = task.State == TaskState.Open;
            task.Cancel(reason, at);
            if (wasOpen)
            {
                db.Add(new TaskAction
                {
                    TaskId = task.Id,
                    CaseId = task.CaseId,
                    Action = "Cancelled",
                    StepName = task.Name,
                    HandlerName = l["CaseStep.System"].Value,
                    Opinion = reason,
                    StartedAt = task.OpenedAt ?? at,
                    EndedAt = at,
                });
            }
        }

        var segments = await db.Set<ClockSegmentRecord>()
            .Where(s => s.CaseId == closed.CaseId && ((s.State == SegmentState.InForce && s.To == null) || s.State == SegmentState.Requested))
            .ToListAsync(cancellationToken);
        segments = [.. segments.Where(s => (s.State == SegmentState.InForce && s.To == null) || s.State == SegmentState.Requested)];
        foreach (var segment in segments)
        {
            if (segment.State == SegmentState.Requested)
            {
                segment.State = SegmentState.Refused;
                segment.Result = reason;
            }
            else
            {
                segment.To = closed.On < segment.From ? segment.From : closed.On;
                segment.Result = segment.Result.Length > 0 ? segment.Result : reason;
            }
        }

        foreach (var request in (await db.Set<SecondSupplementRequest>().Where(r => r.CaseId == closed.CaseId && r.State == SecondSupplementState.Pending).ToListAsync(cancellationToken))
                     .Where(r => r.State == SecondSupplementState.Pending))
        {
            request.Withdraw(reason, at);
        }

        var names = tasks.Where(t => t.OpenedAt is not null).Select(t => t.Name).Distinct().ToList();
        return names.Count == 0 ? null : l["CaseClosed.Work.Review", string.Join("、", names), reason].Value;
    }
}
