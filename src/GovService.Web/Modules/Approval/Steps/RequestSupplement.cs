using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>
/// 补正 after acceptance: the clock pauses until the applicant has uploaded what is asked. A case that had a supplement
/// request already (一次性告知 is meant to list everything once) gets a second one only with a supervisor's approval:
/// the request, with the reviewer's reason, waits for a supervisor over the accepting hall.
/// </summary>
public sealed class RequestSupplement(StepWork work, GovDbContext db, ICaseRecords cases, ClockKeeper clocks, IOrganizationDirectory organization, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<StepResult> RunAsync(Guid taskId, StaffPlacement by, Guid byUser, IReadOnlyList<(int Position, string Defect)> defects, string reason, CancellationToken ct) =>
        work.RunAsync(taskId, by, note: null, async task =>
        {
            if (defects.Count == 0)
            {
                return StepResult.Refused(l["Review.SupplementNeedsDefects"]);
            }

            if (await work.RefusedWhilePausedAsync(task, ct) is { } paused)
            {
                return paused;
            }

            if (await cases.SupplementsAskedAsync(task.CaseId, ct) == 0)
            {
                await ApplyAsync(task, by, defects, ct);
                return StepResult.Ok;
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                return StepResult.Refused(l["Review.SecondSupplementNeedsReason"]);
            }

            if (await db.Set<SecondSupplementRequest>().AnyAsync(r => r.CaseId == task.CaseId && r.State == SecondSupplementState.Pending, ct))
            {
                return StepResult.Refused(l["Review.SecondSupplementPending"]);
            }

            var request = new SecondSupplementRequest
            {
                CaseId = task.CaseId,
                TaskId = task.Id,
                CaseNumber = task.CaseNumber,
                ItemName = task.ItemName,
                StepName = task.Name,
                HallId = task.HallId,
                DepartmentId = task.DepartmentId,
                DepartmentName = by.DepartmentName ?? "",
                Defects = defects.ToDictionary(d => d.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), d => d.Defect),
                Reason = reason.Trim(),
                RequestedByStaffId = by.StaffId,
                RequestedByUserId = byUser,
                RequestedByName = by.Name,
                RequestedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.Add(request);
            work.Record(task, "SecondSupplementRequested", by, $"{reason.Trim()}（{string.Join("；", defects.Select(d => d.Defect))}）");
            var supervisors = await organization.SupervisorsOverHallAsync(task.HallId, 1, ct);
            await notifications.PostAsync(
                [.. supervisors.Select(s => new Notice($"second-supplement:{request.Id}", s.UserId, null,
                    l["SecondSupplement.Asked.Title", task.CaseNumber].Value, l["SecondSupplement.Asked.Body", task.ItemName, by.Name, reason.Trim()].Value,
                    $"/supervision/supplements/{request.Id}"))],
                ct);
            return StepResult.AwaitingApproval;
        }, ct);

    /// <summary>
    /// The 补正 itself, in the caller's transaction: the clock pauses from today, the action is recorded on the step and the
    /// case waits for the applicant, who is told. Used for a first request and for a second one a supervisor approved.
    /// </summary>
    internal async Task ApplyAsync(ReviewTask task, StaffPlacement by, IReadOnlyList<(int Position, string Defect)> defects, CancellationToken ct)
    {
        var note = string.Join("；", defects.Select(d => d.Defect));
        db.Add(new ClockSegmentRecord { CaseId = task.CaseId, TaskId = task.Id, Kind = ClockSegmentKind.PausedForSupplement, From = clock.Today(), Reason = note, RequestedByStaffId = by.StaffId, CreatedAt = clock.GetUtcNow().ToUniversalTime() });
        work.Record(task, "Supplement", by, note);
        await cases.RequestSupplementAsync(task.CaseId, defects, by, ct);
        await clocks.RecomputeAsync(task.CaseId, "SupplementRequested", ct);
    }
}
