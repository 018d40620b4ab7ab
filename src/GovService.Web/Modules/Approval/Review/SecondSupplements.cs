using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Review;

/// <summary>A supervisor's view of 二次补正 requests: the halls of their region and every region below it.</summary>
public sealed record SupplementSupervisor(StaffPlacement Staff, Guid UserId, IReadOnlySet<Guid> Halls)
{
    public bool Covers(SecondSupplementRequest request) => request.HallId is { } hall && Halls.Contains(hall);
}

/// <summary>
/// 二次补正 decided by a supervisor over the accepting hall (DESIGN §4). Approving sends the 补正 as the reviewer wrote it
/// (the clock pauses, the applicant is told, the case counts as 二次补正 on the dashboard); refusing needs a reason and
/// tells the reviewer, the case goes on untouched. Of two supervisors deciding at once exactly one decides (the
/// request's row version); a request whose step has moved on meanwhile is withdrawn instead.
/// </summary>
public sealed class SecondSupplements(GovDbContext db, StepWork work, RequestSupplement supplement, ICaseRecords cases, IOrganizationDirectory organization, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<SecondSupplements> logger)
{
    public async Task<SupplementSupervisor?> SupervisorAsync(Guid userId, CancellationToken ct)
    {
        var staff = await organization.FindStaffAsync(userId, ct);
        return staff is { Role: Shared.Security.Roles.Supervisor, RegionId: { } region }
            ? new SupplementSupervisor(staff, userId, (await organization.HallsInRegionAsync(region, ct)).ToHashSet())
            : null;
    }

    /// <summary>The requests of the supervisor's halls: waiting ones first, then the last decided.</summary>
    public async Task<IReadOnlyList<SecondSupplementRequest>> ListAsync(SupplementSupervisor supervisor, CancellationToken ct)
    {
        var halls = supervisor.Halls.ToList();
        var mine = db.Set<SecondSupplementRequest>().AsNoTracking().Where(r => r.HallId != null && halls.Contains(r.HallId.Value));
        var pending = await mine.Where(r => r.State == SecondSupplementState.Pending).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        var decided = await mine.Where(r => r.State != SecondSupplementState.Pending).OrderByDescending(r => r.DecidedAt).Take(50).ToListAsync(ct);
        return [.. pending, .. decided];
    }

    /// <summary>A request of the supervisor's halls; another region's answers like one that does not exist.</summary>
    public async Task<SecondSupplementRequest?> FindAsync(Guid id, SupplementSupervisor supervisor, CancellationToken ct)
    {
        var request = await db.Set<SecondSupplementRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is not null && supervisor.Covers(request) ? request : null;
    }

    public async Task<StepResult> DecideAsync(Guid id, SupplementSupervisor supervisor, bool approve, string note, CancellationToken ct)
    {
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return StepResult.Refused(l["SecondSupplement.RefusalNeedsReason"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = await db.Set<SecondSupplementRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !supervisor.Covers(request))
        {
            return StepResult.Refused(l["Review.NoSuchRequest"]);
        }

        if (request.State != SecondSupplementState.Pending)
        {
            return StepResult.Refused(l["SecondSupplement.AlreadyDecided"]);
        }

        var now = clock.GetUtcNow();
        var task = await db.Set<ReviewTask>().FirstOrDefaultAsync(t => t.Id == request.TaskId, ct);
        var summary = await cases.FindAsync(request.CaseId, ct);
        var asker = await organization.FindStaffByIdAsync(request.RequestedByStaffId, ct);
        if (approve && (task is not { State: TaskState.Open } || summary?.State != CaseState.InReview || asker is null))
        {
            // The step was passed, sent back or the case paused meanwhile: a 补正 now would be about another situation.
            request.Withdraw(l["SecondSupplement.MovedOn"], now);
            await SaveAsync(request, ct);
            await transaction.CommitAsync(ct);
            return StepResult.Refused(l["SecondSupplement.MovedOn"]);
        }

        if (approve)
        {
            request.Approve(supervisor.Staff.StaffId, supervisor.Staff.Name, note, now);
            work.Record(task!, "SecondSupplementApproved", supervisor.Staff, note);
            await supplement.ApplyAsync(task!, asker!, request.DefectList, ct);
        }
        else
        {
            request.Refuse(supervisor.Staff.StaffId, supervisor.Staff.Name, note, now);
            if (task is not null)
            {
                work.Record(task, "SecondSupplementRefused", supervisor.Staff, note);
            }
        }

        await notifications.PostAsync(
            [new Notice($"second-supplement:{request.Id}:{request.State}", request.RequestedByUserId, null,
                l[approve ? "SecondSupplement.Approved.Title" : "SecondSupplement.Refused.Title", request.CaseNumber].Value,
                approve ? l["SecondSupplement.Approved.Body", supervisor.Staff.Name].Value : l["SecondSupplement.Refused.Body", supervisor.Staff.Name, request.DecisionNote].Value,
                $"/review/tasks/{request.TaskId}")],
            ct);
        if (!await SaveAsync(request, ct))
        {
            return StepResult.Refused(l["SecondSupplement.AlreadyDecided"]);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Second supplement on case {CaseNumber} {Decision} by supervisor {StaffId}", request.CaseNumber, request.State, supervisor.Staff.StaffId);
        return StepResult.Ok;
    }

    /// <summary>Saves; false when another supervisor decided the same request first (its row version moved).</summary>
    private async Task<bool> SaveAsync(SecondSupplementRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Second supplement {RequestId}: decided by another supervisor at the same moment", request.Id);
            return false;
        }
    }
}
