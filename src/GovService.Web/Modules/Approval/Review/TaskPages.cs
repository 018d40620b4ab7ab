using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Review;

public sealed record TaskPage(
    ReviewTask Task,
    CaseSummary Case,
    IReadOnlyList<CaseMaterialInfo> Materials,
    ClockView? Clock,
    IReadOnlyList<ReviewTask> Steps,
    IReadOnlyList<TaskAction> History,
    IReadOnlyList<DepartmentInfo> Departments,
    StaffPlacement Reviewer)
{
    public bool HeldByMe => Task.State == TaskState.Open && Task.ClaimedByStaffId == Reviewer.StaffId;

    public bool Paused => Case.State is "SupplementRequested" or "SpecialProcedure";

    public IReadOnlyList<int> EarlierStages => Steps.Where(s => s.Stage < Task.Stage).Select(s => s.Stage).Distinct().Order().ToList();

    public string DepartmentName(Guid id) => Departments.FirstOrDefault(d => d.Id == id)?.Name ?? "";

    /// <summary>Supplement requests the case has had: from the second on, a 补正 needs a supervisor's approval.</summary>
    public int SupplementsAsked { get; init; }

    /// <summary>二次补正 requests of the case, newest first.</summary>
    public IReadOnlyList<SecondSupplementRequest> SecondSupplements { get; init; } = [];

    public SecondSupplementRequest? PendingSecondSupplement => SecondSupplements.FirstOrDefault(r => r.State == SecondSupplementState.Pending);
}

/// <summary>
/// A step as its reviewer sees it: the case, its materials and clock, every step and action so far. Only the steps of
/// the reviewer's department that have opened exist for them; any other answers like one that does not exist.
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
            SecondSupplements = requests,
        };
    }
}
