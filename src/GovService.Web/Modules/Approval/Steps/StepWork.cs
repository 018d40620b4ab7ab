using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Steps;

/// <summary>The outcome of an action: done, or the localised reasons it was refused (nothing changed).</summary>
public sealed record StepResult(bool Done, string? Error = null)
{
    public static readonly StepResult Ok = new(true);

    /// <summary>Accepted, but waiting for a supervisor's approval (二次补正): nothing reaches the applicant yet.</summary>
    public static readonly StepResult AwaitingApproval = new(true) { Waits = true };

    public bool Waits { get; private init; }

    public static StepResult Refused(string error) => new(false, error);
}

/// <summary>
/// What every action on a step (DESIGN §4, issue 5) shares: the step must be claimed by the acting reviewer of its
/// department, the action runs in one transaction (of two posts of it at once the first stands), and it is recorded
/// on the step with the GB/T 39046 table 7 fields.
/// </summary>
public sealed class StepWork(GovDbContext db, ICaseRecords cases, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The step, if it is open in the reviewer's department and claimed by them; otherwise null.</summary>
    public Task<ReviewTask?> HeldAsync(Guid taskId, StaffPlacement reviewer, CancellationToken ct) =>
        db.Set<ReviewTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.DepartmentId == reviewer.DepartmentId && t.State == TaskState.Open && t.ClaimedByStaffId == reviewer.StaffId, ct);

    /// <summary>
    /// Runs <paramref name="action"/> on the step <paramref name="reviewer"/> holds, in one transaction; refused when they
    /// do not hold it, or when a required opinion (<paramref name="note"/> not null) is not written.
    /// </summary>
    public async Task<StepResult> RunAsync(Guid taskId, StaffPlacement reviewer, string? note, Func<ReviewTask, Task<StepResult>> action, CancellationToken ct)
    {
        var task = await HeldAsync(taskId, reviewer, ct);
        if (task is null)
        {
            return StepResult.Refused(l["Review.ClaimFirst"]);
        }

        if (note is not null && string.IsNullOrWhiteSpace(note))
        {
            return StepResult.Refused(l["Review.OpinionRequired"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await action(task);
        if (!result.Done)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two posts of one action at once (a double click, two tabs): the first stands, the second changes nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StepResult.Refused(l["Review.ChangedMeanwhile"]);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Refused while the case waits for the applicant (补正) or a special procedure: the step may not move then.</summary>
    public async Task<StepResult?> RefusedWhilePausedAsync(ReviewTask task, CancellationToken ct)
    {
        var summary = await cases.FindAsync(task.CaseId, ct);
        return summary?.State is CaseState.SupplementRequested or CaseState.SpecialProcedure ? StepResult.Refused(l["Review.Paused"]) : null;
    }

    /// <summary>Opens a waiting step (a stage reached, or a step standing in for one returned to or transferred) and keeps a new one.</summary>
    public void Open(ReviewTask task, DateOnly on)
    {
        task.Open(on, clock.GetUtcNow());
        if (db.Entry(task).State == EntityState.Detached)
        {
            db.Add(task);
        }
    }

    /// <summary>Records an action on a step, by its reviewer or by someone outside its department (a chief, a supervisor).</summary>
    public void Record(ReviewTask task, string action, StaffPlacement by, string opinion)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        task.Touch(now);
        db.Add(new TaskAction
        {
            TaskId = task.Id,
            CaseId = task.CaseId,
            Action = action,
            StepName = task.Name,
            StaffId = by.StaffId,
            HandlerName = by.Name,
            Department = by.DepartmentName ?? by.HallName ?? "",
            Opinion = opinion.Trim(),
            StartedAt = task.OpenedAt ?? now,
            EndedAt = now,
        });
    }

    /// <summary>
    /// Takes or gives back a claim on a step of the reviewer's department with one conditional <paramref name="update"/>
    /// (true when it changed the step), recorded and saved when it did.
    /// </summary>
    public async Task<bool> ChangeClaimAsync(Guid taskId, StaffPlacement reviewer, string action, Func<IQueryable<ReviewTask>, DateTimeOffset, Task<bool>> update, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        if (!await update(db.Set<ReviewTask>().Where(t => t.Id == taskId && t.DepartmentId == reviewer.DepartmentId), now))
        {
            return false;
        }

        var task = await db.Set<ReviewTask>().AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.CaseId, t.Name }).SingleAsync(ct);
        db.Add(new TaskAction { TaskId = taskId, CaseId = task.CaseId, Action = action, StepName = task.Name, StaffId = reviewer.StaffId, HandlerName = reviewer.Name, Department = reviewer.DepartmentName ?? "", StartedAt = now, EndedAt = now });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
