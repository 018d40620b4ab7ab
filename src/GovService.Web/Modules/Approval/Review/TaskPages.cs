using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Controllers;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Review;

/// <summary>
/// A step as its reviewer sees it (<see cref="TaskPage"/>): the case, its materials and clock, every step and action so
/// far. Only the steps of the reviewer's department that have opened exist for them; any other answers like one that
/// does not exist.
/// </summary>
public sealed class TaskPages(GovDbContext db, ICaseRecords cases, ClockKeeper clocks, IOrganizationDirectory organization)
{
    public Task<bool> InDepartmentAsync(Guid id, StaffPlacement reviewer, CancellationToken ct) =>
        db.Set<ReviewTask>().AnyAsync(t => t.Id == id && t.DepartmentId == reviewer.DepartmentId && t.State != TaskState.Waiting, ct);

    public async Task<TaskPage?> FindAsync(Guid id, StaffPlacement reviewer, CancellationToken ct)
    {
        var task = await db.Set<ReviewTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.DepartmentId == reviewer.DepartmentId && t.State != TaskState.Waiting, ct);
        var summary = task is null ? null : await cases.FindAsync(task.CaseId, ct);
        if (task is null || summary is null)
        {
            return null;
        }

        var steps = await db.Set<ReviewTask>().AsNoTracking().Where(t => t.CaseId == task.CaseId).OrderBy(t => t.Stage).ThenBy(t => t.OpenedAt).ToListAsync(ct);
        var history = await db.Set<TaskAction>().AsNoTracking().Where(a => a.CaseId == task.CaseId).OrderBy(a => a.Id).ToListAsync(ct);
        var requests = await db.Set<SecondSupplementRequest>().AsNoTracking().Where(r => r.CaseId == task.CaseId).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);
        return new TaskPage(task, summary, await cases.MaterialsAsync(task.CaseId, ct), await clocks.ReadAsync(task.CaseId, ct), steps, history, await organization.DepartmentsAsync(ct), reviewer)
        {
            SupplementsAsked = await cases.SupplementsAskedAsync(task.CaseId, ct),
            Answers = await cases.AnswersAsync(task.CaseId, ct),
            SecondSupplements = requests,
        };
    }
}
